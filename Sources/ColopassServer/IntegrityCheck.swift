import ColopassCore
import Foundation
import Synchronization

/// `/health`'s integrity figure. `PRAGMA quick_check` reads every page of the database, about
/// 0.2 s of CPU on a site with 100,000 cards, and `/health` is open to anyone and polled by
/// load balancers: checked on every request, it made the probe the slowest route and anyone's
/// lever on the server's CPU. So a request answers with the last result while it is under
/// `interval` old; an older one is still answered, and a new check starts on the compute pool
/// (one at a time). Only the very first request waits for a check, and a check that fails is
/// retried by the next request, which then fails as before.
final class IntegrityCheck: Sendable {
    static let interval: TimeInterval = 10

    private struct State {
        var result: String?
        var checkedAt = Date.distantPast
        var checking = false
    }

    private let clock: Clock
    private let integrity: @Sendable () throws -> String
    private let state = Mutex(State())

    /// `integrity` is the store's check; a test passes one that counts its calls.
    init(clock: Clock, integrity: @escaping @Sendable () throws -> String) {
        self.clock = clock
        self.integrity = integrity
    }

    func result() throws -> String {
        let now = clock.now()
        let (last, refresh) = state.withLock { state -> (String?, Bool) in
            let fresh = (state.checkedAt...state.checkedAt.addingTimeInterval(Self.interval)).contains(now)
            guard !fresh, !state.checking else { return (state.result, false) }
            state.checking = true
            return (state.result, true)
        }
        guard let last else { return try check(at: now, finishing: refresh) }
        if refresh {
            Task { _ = try? await Offload.cpu { try self.check(at: now, finishing: true) } }
        }
        return last
    }

    private func check(at now: Date, finishing refresh: Bool) throws -> String {
        defer { if refresh { state.withLock { $0.checking = false } } }
        let result = try integrity()
        state.withLock {
            $0.result = result
            $0.checkedAt = now
        }
        return result
    }
}
