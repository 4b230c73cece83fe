import ColopassCore
import Foundation
import Synchronization
import Testing

@testable import ColopassServer

/// `/health` answers with the last integrity check while it is under 10 s old, and starts a new
/// one in the background after that, never more than one at a time.
@Suite("/health's integrity check")
struct IntegrityCheckTests {
    final class Checks: Sendable {
        let count = Atomic(0)
        func run() -> String { "ok \(count.add(1, ordering: .relaxed).newValue)" }
    }

    @Test func aCheckIsReusedForTenSecondsThenRedoneInTheBackground() async throws {
        // given
        let clock = ClockBox(ServerSite.defaultNow)
        let checks = Checks()
        let check = IntegrityCheck(clock: Clock { clock.now }) { checks.run() }
        // when / then: the first request waits for a check, the next ones within 10 s reuse it
        #expect(try check.result() == "ok 1")
        clock.now = clock.now.addingTimeInterval(9)
        #expect(try check.result() == "ok 1")
        #expect(try check.result() == "ok 1")
        #expect(checks.count.load(ordering: .relaxed) == 1)
        // when / then: an older result is still answered, and one new check starts
        clock.now = clock.now.addingTimeInterval(2)
        #expect(try check.result() == "ok 1")
        for _ in 0..<3 { _ = try check.result() }
        for _ in 0..<500 where checks.count.load(ordering: .relaxed) < 2 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(checks.count.load(ordering: .relaxed) == 2)
        #expect(try check.result() == "ok 2")
        #expect(checks.count.load(ordering: .relaxed) == 2)
    }
}
