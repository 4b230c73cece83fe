import ColopassCore
import Foundation
import GateCheck
import Testing

/// Snapshots carried on files arrive late, out of order, or made before the gate's own events
/// reached the service; none of that may make the door more permissive.
@Suite("Snapshots from files: continuity, and a spent slip stays spent")
struct SnapshotFileTests {
    @Test func aSnapshotMadeBeforeTheSlipsUseDoesNotMakeItGoodAgainQ4() throws {
        // given: a gate with an exit slip, and a full snapshot taken while the slip was unused
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        let madeBefore = try site.core.gate.gateSnapshot(since: 0, by: site.guardOnDuty)
        // when: the slip is used at this door (the service has not heard of it) and the old file is applied
        #expect(try site.desk(.out).decide(slip.credential) { _, _ in true }.granted)
        try GateSync.apply(madeBefore, to: site.replica, photos: { _ in nil }, now: site.now)
        // then: the slip is still spent here
        #expect(try site.desk(.out).decide(slip.credential) { _, _ in true }.denyReason == .alreadyUsed)
    }

    @Test func aSnapshotThatSkipsChangesOrGoesBackIsRejected() throws {
        // given: a gate at the service's latest cursor
        let site = try GateSite()
        let cards = try site.cards(2)
        try site.installGate()
        let old = try site.core.gate.gateSnapshot(since: 0, by: site.guardOnDuty)
        let cursor = try site.replica.state().cursor
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[0].number), by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[1].number), by: site.service)
        let gap = try site.core.gate.gateSnapshot(since: cursor + 1, by: site.guardOnDuty)
        // when / then: a snapshot starting after the gate's cursor would skip a change
        #expect(throws: SnapshotRejected.self) { try GateSync.apply(gap, to: site.replica, photos: { _ in nil }, now: site.now) }
        try site.sync()
        // and one older than what the gate holds would bring the lost cards back
        #expect(throws: SnapshotRejected.self) { try GateSync.apply(old, to: site.replica, photos: { _ in nil }, now: site.now) }
        #expect(try site.desk().decide(cards[0].credential).denyReason == .lost)
    }
}
