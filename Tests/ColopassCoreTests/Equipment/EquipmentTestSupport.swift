import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// A hosting client's equipment story in a few calls: contract, pools, an issued work order, the
/// racking day, accepted servers, a removal request up to its exit slip.
extension TestSite {
    /// A company with a contract in force; quota and the Q3 exceptions as the test needs them.
    func hostingCompany(
        name: String = "北京云栈科技有限公司", creditCode: String = "91110108MA01ABCD1E", contract: String = "HT-1",
        quota: Int = 10, ipsPerServer: Int? = nil, portsPerServer: Int? = nil
    ) throws -> (client: Client, contract: Contract) {
        let client = try core.registry.addClient(NewClient(kind: .company, name: name, creditCode: creditCode), by: service)
        _ = try core.registry.addContract(
            NewContract(
                number: contract, clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31",
                racks: ["A01", "A02"], serverQuota: quota, ipsPerServer: ipsPerServer, portsPerServer: portsPerServer),
            by: service)
        return (client, try core.registry.activateContract(contract, by: service))
    }

    /// A second company, for R3 and S3 tests.
    func otherCompany(contract: String = "HT-2") throws -> (client: Client, contract: Contract) {
        try hostingCompany(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: contract)
    }

    func clientUser(_ client: Client, name: String = "yunzhan") throws -> Actor {
        try account(name, .clientUser, client: client.id)
    }

    /// Site address and port pools, added by the administrator.
    func addPools(cidr: String = "10.20.0.0/24", switchName: String = "SW-A01", ports: Int = 48) throws {
        _ = try core.equipment.addIPPool(cidr: cidr, by: admin)
        _ = try core.equipment.addPortPool(switch: switchName, from: 1, to: ports, by: admin)
    }

    static func server(_ serial: String, u: Int = 10, rack: String = "A01") -> NewWorkOrderItem {
        NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: serial, rack: rack, uPosition: u)
    }

    /// An order filed by customer service for `contract`, racking `hours` from now, with `items`.
    func draftOrder(contract: String = "HT-1", in hours: Double = 48, items: [NewWorkOrderItem]) throws -> WorkOrder {
        let order = try core.equipment.createWorkOrder(contract: contract, plannedAt: now.addingTimeInterval(hours * 3600), by: service)
        for item in items { _ = try core.equipment.addWorkOrderItem(try WorkOrderNumber(order.number), item, by: service) }
        return order
    }

    /// A draft issued in good time, and the clock moved to its racking time.
    func orderOnRackingDay(contract: String = "HT-1", items: [NewWorkOrderItem]) throws -> WorkOrder {
        let order = try draftOrder(contract: contract, items: items)
        let issued = try core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: service)
        now = issued.plannedAt
        return issued
    }

    /// Servers accepted on site (with pools added first): the starting point of Q3–Q5 tests.
    func hostedServers(_ serials: [String], contract: String = "HT-1") throws -> [InventoryItem] {
        let order = try orderOnRackingDay(
            contract: contract, items: serials.enumerated().map { Self.server($1, u: 1 + 2 * $0) })
        return try serials.map { try core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: $0, by: supervisor).item }
    }

    /// Movers with valid resident IDs and their ID copies (Q5).
    static func movers(_ count: Int = 1) -> [NewRemovalMover] {
        (0..<count).map {
            NewRemovalMover(
                name: "搬运工\($0 + 1)", idNumber: residentIDs[$0], idCopyPath: fixtures + "/id-copy.png")
        }
    }

    /// A complete Q5 application for `items`, removal today.
    func repairApplication(_ client: Client, items: [String]) -> NewRemovalRequest {
        NewRemovalRequest(
            kind: .repair, clientId: client.id, items: items, removalDate: core.today.description,
            companyName: client.name, movers: Self.movers(), applicationScanPath: Self.fixtures + "/letter.pdf")
    }

    /// Filed by the client user, checked and approved by customer service: the slip is in hand.
    func approvedRemoval(_ request: NewRemovalRequest, filer: Actor) throws -> (RemovalView, ExitSlip) {
        let filed = try core.equipment.fileRemoval(request, by: filer)
        let serials = filed.items.compactMap(\.serial)
        _ = try core.equipment.checkRemoval(try RemovalNumber(filed.request.number), serials: serials, by: service)
        let approved = try core.equipment.approveRemoval(try RemovalNumber(filed.request.number), by: service)
        return (approved, try #require(approved.exitSlip))
    }

    /// Rows of every equipment table and the audit log: equal snapshots mean nothing changed.
    func equipmentRows() throws -> [String: Int] {
        var rows: [String: Int] = [:]
        for table in [
            "work_order", "work_order_line", "refused_arrival", "inventory_item", "ip_pool", "ip_allocation",
            "port_pool", "port_allocation", "removal_request", "removal_item", "removal_mover", "exit_slip",
            "document", "audit_record",
        ] {
            rows[table] = try count(table)
        }
        return rows
    }

    func item(_ id: Int64) throws -> InventoryItem {
        try #require(try core.store.pool.read { db in try InventoryItem.fetchOne(db, key: id) })
    }

    func liveAddresses(of item: InventoryItem) throws -> [String] {
        try core.store.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT address FROM ip_allocation WHERE item_id = ? AND released_at IS NULL ORDER BY id",
                arguments: [item.id])
        }
    }
}
