import Foundation
import GRDB
import Testing

@testable import ColopassCore

@Suite("Contract end and equipment (C9)")
struct EquipmentCascadeTests {
    @Test func terminationCancelsPendingOrdersAndOpenRemovalsAndVoidsSlipsC9() throws {
        // given: a server on site with an approved removal, and a new order still pending
        let site = try TestSite()
        let (client, contract) = try site.hostingCompany()
        try site.addPools()
        _ = try site.hostedServers(["SN-1"])
        let user = try site.clientUser(client)
        let (removal, slip) = try site.approvedRemoval(
            NewRemovalRequest(kind: .decommission, clientId: client.id, items: ["SN-1"], removalDate: site.core.today.description),
            filer: user)
        let pending = try site.draftOrder(items: [TestSite.server("SN-2", u: 20)])
        let seq = try site.lastSeq()
        // when
        _ = try site.core.registry.terminateContract(contract.number, by: site.service)
        // then
        #expect(try site.core.equipment.workOrder(try WorkOrderNumber(pending.number), by: site.service).order.status == .cancelled)
        let cancelled = try site.core.equipment.removal(try RemovalNumber(removal.request.number), by: site.service)
        #expect(cancelled.request.status == .cancelled)
        #expect(cancelled.exitSlip?.status == .cancelled)
        #expect(try site.core.credentials.verifyCredential(slip.credential).denyReason == .contractTerminated)
        let c9 = try site.audit(after: seq).filter { $0.clause == "C9" }.map(\.action)
        #expect(c9.contains("workorder.cancel"))
        #expect(c9.contains("removal.cancel"))
        #expect(c9.contains("exitslip.cancel"))
        // The closed order of the past is history, not cancelled.
        #expect(try site.core.equipment.workOrders(by: site.service).filter { $0.order.status == .closed }.count == 1)
    }

    @Test func equipmentStillLeavesOnADecommissionAfterTheContractEndsC9() throws {
        let site = try TestSite()
        let (client, contract) = try site.hostingCompany()
        try site.addPools()
        let server = try #require(try site.hostedServers(["SN-1"]).first)
        _ = try site.core.registry.terminateContract(contract.number, by: site.service)
        let user = try site.clientUser(client)
        let (_, slip) = try site.approvedRemoval(
            NewRemovalRequest(kind: .decommission, clientId: client.id, items: ["SN-1"], removalDate: site.core.today.description),
            filer: user)
        #expect(try site.core.credentials.verifyCredential(slip.credential).isGranted)
        _ = try site.core.equipment.useExitSlip(slip.credential, by: site.guardOnDuty)
        #expect(try site.liveAddresses(of: server).isEmpty)
        #expect(try site.core.equipment.inventory(by: site.service).isEmpty)
    }

    /// Nothing leaves for repair on an ended contract: it would come back to nothing.
    @Test func noRepairRemovalOnAnEndedContractQ5Contract() throws {
        let site = try TestSite()
        let (client, contract) = try site.hostingCompany()
        try site.addPools()
        _ = try site.hostedServers(["SN-1"])
        _ = try site.core.registry.terminateContract(contract.number, by: site.service)
        let user = try site.clientUser(client)
        #expect(site.refusalClause { _ = try site.core.equipment.fileRemoval(site.repairApplication(client, items: ["SN-1"]), by: user) } == "Q5.contract")
    }
}
