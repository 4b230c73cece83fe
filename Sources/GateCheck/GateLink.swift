import Foundation
import GateKernel

/// `gate-check run`: the gate's live link to the service. Two loops over one replica:
///
/// - the pull loop holds a long poll open at the service and applies each signed delta (page by
///   page) the moment it comes back, so a card reported lost is denied within a second or two;
/// - the push loop uploads the events the desks beside it (`scan`, `station`) have written, as
///   they are written.
///
/// Either loop backs off when the service cannot be reached (0.5 s doubling to 30 s) and starts
/// again on its own; the desks go on deciding from the replica meanwhile. Nothing here decides a
/// scan.
public final class GateLink: @unchecked Sendable {
    public let replica: Replica
    let source: GateSource
    let clock: Clock
    /// Seconds the service may hold a long poll.
    let wait: TimeInterval
    let pageLimit: Int
    let log: @Sendable (String) -> Void
    private let stopped = NSCondition()
    private var stopping = false

    public init(
        replica: Replica, source: GateSource, clock: Clock = .system, wait: TimeInterval = 25, pageLimit: Int = 5_000,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.replica = replica
        self.source = source
        self.clock = clock
        self.wait = wait
        self.pageLimit = pageLimit
        self.log = log
    }

    /// Runs both loops until `stop()`.
    public func run() {
        let pusher = Thread { [self] in loop("upload", pushOnce) }
        pusher.start()
        loop("snapshot", pullOnce)
        while pusher.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
    }

    public func stop() {
        stopped.withLock {
            stopping = true
            stopped.broadcast()
        }
    }

    var isStopping: Bool { stopped.withLock { stopping } }

    /// Sleeps up to `seconds`, waking at once on `stop()`.
    func pause(_ seconds: TimeInterval) {
        stopped.withLock {
            if !stopping { _ = stopped.wait(until: Date().addingTimeInterval(seconds)) }
        }
    }

    /// Runs `step` again and again: at once after work, after `idle` when there was none, after a
    /// growing pause when the service could not be reached.
    private func loop(_ name: String, _ step: () throws -> Bool) {
        // The door decides on the same cores: a scan must not wait behind a page being applied.
        ThreadPriority.lowerCallingThread(by: Self.nice)
        var backoff = Self.firstBackoff
        while !isStopping {
            do {
                let worked = try step()
                backoff = Self.firstBackoff
                if !worked { pause(Self.idle) }
            } catch {
                log("\(name): \(error) — retry in \(String(format: "%.1f", backoff)) s")
                try? replica.noteContact(at: clock.now(), error: "\(error)")
                pause(backoff)
                backoff = min(backoff * 2, Self.longestBackoff)
            }
        }
    }

    /// How far the link's threads (and the page threads they start) stand back from the door's.
    static let nice: Int32 = 10
    static let firstBackoff: TimeInterval = 0.5
    static let longestBackoff: TimeInterval = 30
    /// How often the push loop looks for new events when there were none.
    static let idle: TimeInterval = 0.2

    /// One long poll and whatever pages follow it.
    func pullOnce() throws -> Bool {
        let report = try GateSync.pull(replica, from: source, now: clock.now, pageLimit: pageLimit, wait: wait)
        try replica.noteContact(at: clock.now(), error: nil)
        if report.entries > 0 { log("snapshot: \(report.entries) entries, cursor \(report.cursor)") }
        return true
    }

    /// Uploads the events waiting, if any; true when there were some.
    func pushOnce() throws -> Bool {
        let pending = try replica.pendingEvents()
        guard !pending.isEmpty else { return false }
        let result = try source.upload(pending)
        try replica.markUploaded(pending.map(\.id), contact: clock.now())
        log("upload: \(result.accepted) events (\(result.duplicates) already there)")
        return true
    }
}
