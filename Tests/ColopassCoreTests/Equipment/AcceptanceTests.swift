import Foundation
import GRDB
import Testing

@testable import ColopassCore

@Suite("Acceptance against the work order (Q2)")
struct AcceptanceTests {
    @Test func matchingSerialBecomesTheClientsInventoryWithItsLocationQ2() throws {
        // given
        let site = try TestSite()
        let (client, contract) = try site.hostingCompany()
        try site.addPools()
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1", u: 12)])
        // when: the label is typed in lower case
        let acceptance = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "sn-1", by: site.supervisor)
        // then
        let item = acceptance.item
        #expect(item.clientId == client.id)
        #expect(item.contractId == contract.id)
        #expect(item.serial == "SN-1")
        #expect(item.location == "A01 U12")
        #expect(item.status == .onSite)
        #expect(acceptance.orderStatus == .closed)
        #expect(try site.core.equipment.inventory(clientId: client.id, by: site.service).map(\.item.number) == [item.number])
    }

    @Test func unlistedSerialIsRefusedAndRecordedQ2NotOnOrder() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools()
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1")])
        // when
        let clause = site.refusalClause {
            _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-999", by: site.supervisor)
        }
        // then: refused, nothing racked, and the arrival is on record for the operator
        #expect(clause == "Q2.not_on_order")
        #expect(try site.count("inventory_item") == 0)
        let view = try site.core.equipment.workOrder(try WorkOrderNumber(order.number), by: site.service)
        #expect(view.refusedArrivals.map(\.serial) == ["SN-999"])
        #expect(view.refusedArrivals.first?.recordedBy == "boss")
        let audit = try site.lastAudit()
        #expect(audit.action == "workorder.refuse_arrival")
        #expect(audit.outcome == .refused)
        #expect(audit.clause == "Q2.not_on_order")
        #expect(view.order.status == .issued)
    }

    @Test func refusedLineAndShortfallAreRecordedAndTheOrderClosesQ2() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools()
        let rails = NewWorkOrderItem(kind: .other, brand: "Generic", model: "Rail kit", serial: nil, quantity: 4, rack: "A01", uPosition: 1)
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1"), TestSite.server("SN-2", u: 20), rails])
        _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: site.supervisor)
        let refused = try site.core.equipment.refuseItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-2", reason: "外壳损坏", by: site.supervisor)
        #expect(refused.order.status == .accepting)
        let partial = try site.core.equipment.acceptLine(workOrder: try WorkOrderNumber(order.number), line: 3, quantity: 3, by: site.supervisor)
        #expect(partial.item.quantity == 3)
        // when: delivery is over
        let closed = try site.core.equipment.closeWorkOrder(try WorkOrderNumber(order.number), by: site.supervisor)
        // then
        #expect(closed.order.status == .closed)
        #expect(closed.lines.map(\.status) == [.accepted, .refused, .short])
        #expect(closed.lines[1].reason == "外壳损坏")
        #expect(closed.lines[2].acceptedQuantity == 3)
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-2", by: site.supervisor) }
                == "Q2.state")
    }

    @Test func unitsBeyondTheOrderedCountAreRefusedQ2NotOnOrder() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let rails = NewWorkOrderItem(kind: .other, brand: "Generic", model: "Rail kit", serial: nil, quantity: 2, rack: "A01", uPosition: 1)
        let order = try site.orderOnRackingDay(items: [rails])
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptLine(workOrder: try WorkOrderNumber(order.number), line: 1, quantity: 3, by: site.supervisor) }
                == "Q2.not_on_order")
    }

    @Test func serverQuotaIsRespectedAtAcceptanceQ2Quota() throws {
        let site = try TestSite()
        _ = try site.hostingCompany(quota: 1)
        try site.addPools()
        // Two orders each within the quota on paper; only one server fits.
        let first = try site.draftOrder(items: [TestSite.server("SN-1")])
        let second = try site.draftOrder(items: [TestSite.server("SN-2", u: 20)])
        _ = try site.core.equipment.issueWorkOrder(try WorkOrderNumber(first.number), by: site.service)
        _ = try site.core.equipment.issueWorkOrder(try WorkOrderNumber(second.number), by: site.service)
        site.advance(hours: 48)
        _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(first.number), serial: "SN-1", by: site.supervisor)
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(second.number), serial: "SN-2", by: site.supervisor) }
                == "Q2.quota")
        #expect(try site.count("inventory_item") == 1)
    }

    @Test func serverQuotaIsRespectedWhenTheOrderIsWrittenQ2Quota() throws {
        let site = try TestSite()
        _ = try site.hostingCompany(quota: 1)
        let order = try site.draftOrder(items: [TestSite.server("SN-1")])
        #expect(
            site.refusalClause { _ = try site.core.equipment.addWorkOrderItem(try WorkOrderNumber(order.number), TestSite.server("SN-2", u: 20), by: site.service) }
                == "Q2.quota")
    }

    @Test func aSerialIsOnAnOrderOnceQ2DuplicateSerial() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(items: [TestSite.server("SN-1")])
        #expect(
            site.refusalClause { _ = try site.core.equipment.addWorkOrderItem(try WorkOrderNumber(order.number), TestSite.server("SN-1", u: 20), by: site.service) }
                == "Q2.duplicate_serial")
    }

    @Test func noOneAcceptsAnOrderTheyFiledR2Self() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools()
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1")])
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: site.service) }
                == "R2.self")
    }

    @Test func onlyRoomStaffAcceptQ2Role() throws {
        let site = try TestSite()
        let (client, _) = try site.hostingCompany()
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1")])
        let user = try site.clientUser(client)
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: user) }
                == "Q2.role")
    }

    @Test func orderNumbersAreCheckedBeforeAnyLookup() throws {
        let site = try TestSite()
        #expect(invalidField(coreError { try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber("XX-1"), serial: "SN", by: site.supervisor) }) == "work_order")
        #expect(coreError { try site.core.equipment.workOrder(try WorkOrderNumber("WO-000042"), by: site.service) } == .notFound(entity: "work order", key: "WO-000042"))
    }
}
