import Foundation
import Testing

@testable import ColopassCore

@Suite("Work orders in advance (Q1)")
struct WorkOrderTests {
    @Test func orderIssuedTwentyThreeHoursBeforeRackingIsRefusedQ1LeadTime() throws {
        // given
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(in: 23, items: [TestSite.server("SN-1")])
        let before = try site.equipmentRows()
        // when / then
        #expect(site.refusalClause { _ = try site.core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: site.service) } == "Q1.lead_time")
        var after = try site.equipmentRows()
        after["audit_record"]! -= 1  // the refusal itself is audited
        #expect(after == before)
        #expect(try site.lastAudit().clause == "Q1.lead_time")
    }

    @Test func orderIssuedTwentyFourHoursBeforeRackingIsAcceptedQ1LeadTime() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(in: 24, items: [TestSite.server("SN-1")])
        let issued = try site.core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: site.service)
        #expect(issued.status == .issued)
        #expect(issued.issuedBy == "cs")
        #expect(try site.lastAudit().action == "workorder.issue")
    }

    @Test func rackingBeforeThePlannedTimeIsRefusedQ1TooEarly() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        try site.addPools()
        let order = try site.orderOnRackingDay(items: [TestSite.server("SN-1")])
        site.advance(hours: -1)
        #expect(
            site.refusalClause { _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: site.supervisor) }
                == "Q1.too_early")
        #expect(try site.count("inventory_item") == 0)
        site.advance(hours: 1)
        _ = try site.core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: "SN-1", by: site.supervisor)
    }

    @Test func orderNeedsTheClientsContractInForceQ1Contract() throws {
        let site = try TestSite()
        let (_, contract) = try site.hostingCompany()
        _ = try site.core.registry.suspendContract(contract.number, by: site.service)
        #expect(
            site.refusalClause {
                _ = try site.core.equipment.createWorkOrder(contract: "HT-1", plannedAt: site.now + 86_400 * 2, by: site.service)
            } == "Q1.contract")
    }

    @Test func rackingAfterTheContractEndsIsRefusedQ1Contract() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let afterTerm = Day("2027-01-02")!.start(in: site.core.policy.site.timeZone)
        #expect(
            site.refusalClause { _ = try site.core.equipment.createWorkOrder(contract: "HT-1", plannedAt: afterTerm, by: site.service) }
                == "Q1.contract")
    }

    @Test func targetRackMustBeOneOfTheContractsQ1Rack() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(items: [])
        #expect(
            site.refusalClause {
                _ = try site.core.equipment.addWorkOrderItem(try WorkOrderNumber(order.number), TestSite.server("SN-1", rack: "Z99"), by: site.service)
            } == "Q1.rack")
    }

    @Test func anEmptyOrderIsNotIssuedQ1Empty() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(items: [])
        #expect(site.refusalClause { _ = try site.core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: site.service) } == "Q1.empty")
    }

    @Test func itemsAreAddedToDraftsOnlyQ1State() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(items: [TestSite.server("SN-1")])
        _ = try site.core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: site.service)
        #expect(
            site.refusalClause { _ = try site.core.equipment.addWorkOrderItem(try WorkOrderNumber(order.number), TestSite.server("SN-2"), by: site.service) }
                == "Q1.state")
    }

    @Test(arguments: [
        (NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: nil, rack: "A01", uPosition: 1), "serial"),
        (NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: "SN-1", quantity: 2, rack: "A01", uPosition: 1), "quantity"),
        (NewWorkOrderItem(kind: .server, brand: " ", model: "R750", serial: "SN-1", rack: "A01", uPosition: 1), "brand"),
        (NewWorkOrderItem(kind: .switch, brand: "H3C", model: "S5130", serial: "SN 1", rack: "A01", uPosition: 1), "serial"),
        (NewWorkOrderItem(kind: .other, brand: "Rail", model: "kit", serial: nil, quantity: 0, rack: "A01", uPosition: 1), "quantity"),
        (NewWorkOrderItem(kind: .storage, brand: "NetApp", model: "AFF", serial: "SN-1", rack: "A01", uPosition: 61), "u_position"),
    ])
    func malformedItemIsInvalidInputNamingTheFieldAndChangesNothing(item: NewWorkOrderItem, field: String) throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(items: [])
        let before = try site.equipmentRows()
        #expect(invalidField(coreError { try site.core.equipment.addWorkOrderItem(try WorkOrderNumber(order.number), item, by: site.service) }) == field)
        #expect(try site.equipmentRows() == before)
    }

    @Test func unlabelledPartsComeAsACountOnOneLine() throws {
        let site = try TestSite()
        _ = try site.hostingCompany()
        let order = try site.draftOrder(items: [])
        let line = try site.core.equipment.addWorkOrderItem(
            try WorkOrderNumber(order.number),
            NewWorkOrderItem(kind: .other, brand: "Generic", model: "Rail kit", serial: nil, quantity: 4, rack: "A01", uPosition: 1),
            by: site.service)
        #expect(line.quantity == 4)
        #expect(line.serial == nil)
    }

    @Test func clientUserFilesForItsOwnClientOnlyR3() throws {
        let site = try TestSite()
        let (client, _) = try site.hostingCompany()
        _ = try site.otherCompany()
        let user = try site.clientUser(client)
        _ = try site.core.equipment.createWorkOrder(contract: "HT-1", plannedAt: site.now + 86_400 * 2, by: user)
        #expect(
            site.refusalClause { _ = try site.core.equipment.createWorkOrder(contract: "HT-2", plannedAt: site.now + 86_400 * 2, by: user) }
                == "R3.client")
        #expect(try site.core.equipment.workOrders(by: user).count == 1)
    }

    @Test func plannedTimeIsReadInTheSiteTimeZone() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let date = try SiteTime.parse("2026-06-16 10:00", in: zone)
        #expect(date == ISO8601DateFormatter().date(from: "2026-06-16T02:00:00Z"))
        #expect(try SiteTime.parse("2026-06-16T02:00:00Z", in: zone) == date)
        #expect(invalidField(coreError { try SiteTime.parse("tomorrow", in: zone) }) == "planned_at")
    }
}
