import Foundation
import Testing

@testable import ColopassCore

@Suite("Exit slips honoured at the gate take effect on the service (Q4, Q5)")
struct ExitSlipAtGateTests {
    func slipInHand() throws -> (TestSite, InventoryItem, ExitSlip) {
        let site = try TestSite()
        let (client, _) = try site.hostingCompany()
        try site.addPools()
        let server = try #require(try site.hostedServers(["SN-1"]).first)
        let (_, slip) = try site.approvedRemoval(
            NewRemovalRequest(kind: .decommission, clientId: client.id, items: ["SN-1"], removalDate: site.core.today.description),
            filer: try site.clientUser(client))
        return (site, server, slip)
    }

    func event(_ slip: ExitSlip, id: String, at date: Date, confirmed: Bool = true) -> GateEvent {
        GateEvent(
            id: id, gate: "G1", direction: .out, at: date, kind: .exitSlip, credentialId: UInt32(slip.id), generation: 1,
            result: .granted, reason: nil, clause: nil, confirmed: confirmed, holderName: nil)
    }

    func upload(_ event: GateEvent, _ site: TestSite) throws {
        try site.core.perform(site.guardOnDuty, .operateGate, action: "gate.event") { tx in
            try site.core.equipment.exitSlipUsedAtGate(slipId: Int64(event.credentialId!), event: event, in: tx)
        }
    }

    @Test func confirmedExitAtTheGateSpendsTheSlipAndReleasesTheAddressQ4Used() throws {
        let (site, server, slip) = try slipInHand()
        let exitTime = site.now.addingTimeInterval(-600)
        try upload(event(slip, id: "e1", at: exitTime), site)
        let spent = try site.core.equipment.exitSlip(try ExitSlipNumber(slip.number), by: site.service).slip
        #expect(spent.status == .used)
        #expect(spent.usedAt == exitTime)
        #expect(spent.usedBy == "gate1@G1")
        #expect(try site.item(server.id).status == .removed)
        #expect(try site.liveAddresses(of: server).isEmpty)
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .alreadyUsed)
    }

    @Test func aSecondExitOnTheSameSlipIsNotAppliedTwiceButAuditedQ4Used() throws {
        let (site, _, slip) = try slipInHand()
        _ = try site.core.equipment.useExitSlip(slip.number, by: site.guardOnDuty)
        let seq = try site.lastSeq()
        try upload(event(slip, id: "e2", at: site.now), site)
        let records = try site.audit(after: seq)
        #expect(records.map(\.action) == ["exitslip.gate_conflict"])
        #expect(records.first?.clause == "Q4.used")
    }

    @Test func anUnconfirmedGrantIsNoExit() throws {
        let (site, server, slip) = try slipInHand()
        try upload(event(slip, id: "e3", at: site.now, confirmed: false), site)
        #expect(try site.core.equipment.exitSlip(try ExitSlipNumber(slip.number), by: site.service).slip.status == .valid)
        #expect(try site.item(server.id).status == .onSite)
    }
}
