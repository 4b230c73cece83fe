import ColopassCore
import Foundation
import GateCheck
import Testing

extension GateSite {
    /// A second door with its own replica, installed from the same service.
    func secondGate() throws -> Replica {
        let replica = try Replica(directory: directory + "/gateB")
        try replica.trust(try core.credentials.publicKeyExport())
        try GateSync.run(replica, from: source, now: now)
        return replica
    }

    func desk(on replica: Replica, _ direction: GateEvent.Direction, gate: String) throws -> GateDesk {
        try GateDesk(replica: replica, gate: gate, direction: direction, clock: clock)
    }
}

@Suite("A spent exit slip is spent at every gate (Q4)")
struct SlipSpentEverywhereTests {
    @Test func aSlipUsedAtOneGateIsDeniedAtTheOtherAfterItsNextDeltaQ4Used() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        let gateB = try site.secondGate()
        #expect(try site.desk(.out, gate: "A").decide(slip.credential) { _, _ in true }.granted)
        // A uploads; the slip's use enters the change log and B's next delta carries it.
        let cursor = try gateB.state().cursor
        try site.sync()
        let pulled = try GateSync.pull(gateB, from: site.source, now: { site.now })
        #expect(pulled.entries >= 1 && pulled.cursor > cursor)
        let atB = try site.desk(on: gateB, .out, gate: "B").decide(slip.credential) { _, _ in true }
        #expect(atB.denyReason == .alreadyUsed)
        #expect(try site.alerts().isEmpty)
    }

    @Test func aSlipHonouredAtTwoCutOffGatesIsFlaggedOnUploadQ4Used() throws {
        // given: two gates, both synchronised, then both cut off from the service
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        let gateB = try site.secondGate()
        // when: each honours the slip once
        let atA = try site.desk(.out, gate: "A").decide(slip.credential) { _, _ in true }
        let atB = try site.desk(on: gateB, .out, gate: "B").decide(slip.credential) { _, _ in true }
        #expect(atA.granted && atB.granted)
        // and both come back
        try site.sync()
        #expect(try site.alerts().isEmpty)
        _ = try GateSync.run(gateB, from: site.source, now: site.now)
        // then: the service flags the second use, for an operator and in the audit log
        let alerts = try site.alerts()
        #expect(alerts.count == 1)
        #expect(alerts.first?.kind == .slipUsedTwice && alerts.first?.clause == "Q4.used" && alerts.first?.gate == "B")
        #expect(try site.auditCount("gate.alert", clause: "Q4.used") == 1)
        // and both gates deny the slip from then on
        #expect(try site.desk(.out, gate: "A").decide(slip.credential) { _, _ in true }.denyReason == .alreadyUsed)
        #expect(try site.desk(on: gateB, .out, gate: "B").decide(slip.credential) { _, _ in true }.denyReason == .alreadyUsed)
        // uploading B's events again flags nothing new
        _ = try GateSync.run(gateB, from: site.source, now: site.now)
        #expect(try site.alerts().count == 1)
    }
}
