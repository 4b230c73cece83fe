import ColopassCore
import Foundation
import GateCheck
import Testing

extension GateSite {
    /// A decommission slip for today: pools, an accepted server, a removal filed by the client,
    /// checked and approved by customer service (not the filer, R2).
    func exitSlip() throws -> (slip: ExitSlip, serial: String) {
        let admin = Actor(account: try core.accounts.addAccount(name: "root", role: .admin, by: .system))
        let supervisor = Actor(account: try core.accounts.addAccount(name: "boss", role: .supervisor, by: .system))
        _ = try core.equipment.addIPPool(cidr: "10.20.0.0/24", by: admin)
        _ = try core.equipment.addPortPool(switch: "SW-A01", from: 1, to: 48, by: admin)
        let order = try core.equipment.createWorkOrder(contract: "HT-1", plannedAt: now.addingTimeInterval(48 * 3600), by: service)
        _ = try core.equipment.addWorkOrderItem(
            try WorkOrderNumber(order.number), NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: "SN-9", rack: "A01", uPosition: 3),
            by: service)
        let issued = try core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: service)
        now = issued.plannedAt
        _ = try core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-9", by: supervisor)
        let client = try core.registry.clients(by: service)[0]
        let user = Actor(account: try core.accounts.addAccount(name: "yunzhan", role: .clientUser, clientId: client.id, by: .system))
        let filed = try core.equipment.fileRemoval(
            NewRemovalRequest(kind: .decommission, clientId: client.id, items: ["SN-9"], removalDate: core.today.description),
            by: user)
        _ = try core.equipment.checkRemoval(try RemovalNumber(filed.request.number), serials: ["SN-9"], by: service)
        let approved = try core.equipment.approveRemoval(try RemovalNumber(filed.request.number), by: service)
        return (try #require(approved.exitSlip), "SN-9")
    }
}

@Suite("Exit slips at the door (Q4, Q5)")
struct GateExitSlipTests {
    @Test func slipAtAnInDoorIsDeniedQ4Direction() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        #expect(try site.desk(.in).decide(slip.credential).denyReason == .wrongDirection)
    }

    @Test func slipShowsItemsAndNeedsTheGuardsConfirmationQ4Check() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, serial) = try site.exitSlip()
        try site.installGate()
        var shown: [String] = []
        let refused = try site.desk(.out).decide(slip.credential) { question, entry in
            #expect(question == .slipMatches)
            shown = entry.details
            return false
        }
        #expect(refused.denyReason == .slipNotConfirmed)
        #expect(shown.contains { $0.contains(serial) })
        // Not confirmed is not used: the slip still works once the guard has checked.
        #expect(try site.desk(.out).decide(slip.credential) { _, _ in true }.granted)
    }

    @Test func slipIsUsedOnceEvenOfflineQ4Used() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        #expect(try site.desk(.out).decide(slip.credential) { _, _ in true }.granted)
        // No sync in between: the replica itself remembers the slip is spent.
        #expect(try site.desk(.out, gate: "B").decide(slip.credential) { _, _ in true }.denyReason == .alreadyUsed)
        // On upload the service spends it too, and the next snapshot agrees.
        try site.sync()
        #expect(try site.core.equipment.exitSlip(try ExitSlipNumber(slip.number), by: site.service).slip.status == .used)
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .alreadyUsed)
    }

    @Test func slipIsGoodOnItsRemovalDateOnlyQ4() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        site.now = slip.validUntil.addingTimeInterval(60)
        try site.sync()
        #expect(try site.desk(.out).decide(slip.credential) { _, _ in true }.denyReason == .slipWrongDay)
    }
}
