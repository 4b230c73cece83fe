import Foundation

extension DemoSite {
    /// Work waiting in a newcomer's console: a temporary entry request filed by the client user
    /// (to approve or reject), an emergency entry awaiting the second supervisor's review, a
    /// work order issued for the day after tomorrow (to accept item by item on its racking day),
    /// and a decommission request for a server racked today (to check and print its exit slip).
    /// No card is issued here: issuing one is the first thing to try in the console.
    static func seedRequests(_ core: Core, scan: String) throws -> String {
        let removal = try seedEquipmentOnSite(core, scan: scan)
        let zone = core.policy.site.timeZone
        let client = try core.accounts.actor(named: "yunzhan")
        let supervisor = try core.accounts.actor(named: "zhuguan")
        let tomorrow = core.today.adding(days: 1).start(in: zone)
        let visit = try core.passes.fileVisitRequest(
            NewVisitRequest(
                clientId: 1, reason: "更换故障硬盘 / replace a failed disk",
                windowStart: tomorrow.addingTimeInterval(9 * 3600), windowEnd: tomorrow.addingTimeInterval(12 * 3600),
                visitors: [NewVisitor(name: "王强", idNumber: "310115199007042347")], letterPath: scan, hostPersonId: 1),
            by: client)
        let emergency = try core.passes.approveEmergency(
            NewEmergency(
                clientId: 2, staff: [NewVisitor(name: "陈静", idNumber: "440305199211203459")],
                reason: "核心交换机宕机 / core switch down", hours: 2, reportedBy: "陈静 13900000002"),
            by: supervisor)
        let order = try core.equipment.createWorkOrder(
            contract: "HT-2026-001", plannedAt: core.today.adding(days: 2).start(in: zone).addingTimeInterval(10 * 3600),
            note: "新增两台服务器 / two new servers", by: client)
        for (serial, unit) in [("CN7Y0A01", 10), ("CN7Y0A02", 12)] {
            _ = try core.equipment.addWorkOrderItem(
                try WorkOrderNumber(order.number),
                NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: serial, rack: "A01", uPosition: unit),
                by: client)
        }
        _ = try core.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: client)
        return "待办 / pending: 临时进入 / visit request \(visit.request.id), 紧急进入待复核 / emergency \(emergency.entry.id), 工单 / work order \(order.number), 搬出 / removal \(removal)"
    }

    /// The site's address pools, and two servers of 云栈科技 racked an hour ago under a work order
    /// filed the day before (Q1 wants it 24 h ahead, so that part of the history is written by a
    /// core whose clock is set back 30 h; its audit entries carry those times). One of them is
    /// then put up for decommissioning by the client.
    static func seedEquipmentOnSite(_ core: Core, scan: String) throws -> String {
        let now = core.clock.now()
        let yesterday = try Core(
            dataDirectory: core.dataDirectory, policy: core.policy, clock: Clock { now.addingTimeInterval(-30 * 3600) })
        _ = try core.equipment.addIPPool(cidr: "10.20.0.0/24", note: "A 区服务器 / hall A servers", by: .system)
        _ = try core.equipment.addPortPool(switch: "SW-A01", from: 1, to: 48, by: .system)
        let client = try core.accounts.actor(named: "yunzhan")
        let order = try yesterday.equipment.createWorkOrder(
            contract: "HT-2026-001", plannedAt: now.addingTimeInterval(-3600), note: "两台存储服务器 / two storage servers",
            by: client)
        let serials = ["CN7Y0B01", "CN7Y0B02"]
        for (serial, unit) in zip(serials, [20, 22]) {
            _ = try yesterday.equipment.addWorkOrderItem(
                try WorkOrderNumber(order.number),
                NewWorkOrderItem(kind: .server, brand: "Huawei", model: "2288H V5", serial: serial, rack: "A02", uPosition: unit),
                by: client)
        }
        _ = try yesterday.equipment.issueWorkOrder(try WorkOrderNumber(order.number), by: client)
        let service = try core.accounts.actor(named: "kefu")
        for serial in serials { _ = try core.equipment.acceptItem(workOrder: try WorkOrderNumber(order.number), serial: serial, by: service) }
        // A third server due this morning and not yet accepted: racking work that can be done today.
        let due = try yesterday.equipment.createWorkOrder(
            contract: "HT-2026-001", plannedAt: now.addingTimeInterval(-1800), note: "一台应用服务器 / one application server",
            by: client)
        _ = try yesterday.equipment.addWorkOrderItem(
            try WorkOrderNumber(due.number),
            NewWorkOrderItem(kind: .server, brand: "Inspur", model: "NF5280M6", serial: "CN7Y0C01", rack: "A02", uPosition: 24),
            by: client)
        _ = try yesterday.equipment.issueWorkOrder(try WorkOrderNumber(due.number), by: client)
        let removal = try core.equipment.fileRemoval(
            NewRemovalRequest(
                kind: .decommission, clientId: 1, items: [serials[1]], removalDate: core.today.adding(days: 1).description,
                movers: [NewRemovalMover(name: "王强", idNumber: "310115199007042347")], applicationScanPath: scan,
                note: "到期下架 / retired"),
            by: client)
        return removal.request.number
    }
}
