import ColopassCore
import Foundation
import Logging

/// `serve`'s delivery worker: every second, sends the notifications that are due (after the
/// changes that made them committed); every ten minutes, announces cards nearing their end.
/// Sends block on the network, so they run on a Dispatch queue, not on Swift's cooperative pool.
public struct OutboxWorker: Sendable {
    let outbox: Outbox
    let interval: Duration
    let expiryEvery: Int
    let logger = Logger(label: "colopass.outbox")

    public init(outbox: Outbox, interval: Duration = .seconds(1), expiryEvery: Int = 600) {
        self.outbox = outbox
        self.interval = interval
        self.expiryEvery = expiryEvery
    }

    /// Until the task is cancelled (the server's shutdown).
    public func run() async {
        var rounds = 0
        while !Task.isCancelled {
            let checkExpiry = rounds % expiryEvery == 0
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global(qos: .utility).async {
                    do {
                        if checkExpiry { try outbox.noteExpiringCards() }
                        // Keep going while whole batches come back: a backlog drains at once.
                        while try outbox.deliverDue().attempted == 500 {}
                    } catch {
                        logger.error("notification delivery: \(error)")
                    }
                    done.resume()
                }
            }
            rounds += 1
            try? await Task.sleep(for: interval)
        }
    }
}
