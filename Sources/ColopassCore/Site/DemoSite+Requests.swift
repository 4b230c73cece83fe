import Foundation

extension DemoSite {
    /// Work waiting in a newcomer's console: a temporary entry request filed by the client user
    /// (to approve or reject), an emergency entry awaiting the second supervisor's review, and a
    /// work order issued for the day after tomorrow (to accept item by item on its racking day).
    /// No card is issued here: issuing one is the first thing to try in the console.
    static func seedRequests(_ core: Core, scan: String) throws -> String {
        let zone = core.policy.site.timeZone
        let client = try core.actor(named: "yunzhan")
        let supervisor = try core.actor(named: "zhuguan")
        let tomorrow = core.today.adding(days: 1).start(in: zone)
        let visit = try core.fileVisitRequest(
            NewVisitRequest(
                clientId: 1, reason: "更换故障硬盘 / replace a failed disk",
                windowStart: tomorrow.addingTimeInterval(9 * 3600), windowEnd: tomorrow.addingTimeInterval(12 * 3600),
                visitors: [NewVisitor(name: "王强", idNumber: "310115199007042347")], letterPath: scan),
            by: client)
        let emergency = try core.approveEmergency(
            NewEmergency(
                clientId: 2, staff: [NewVisitor(name: "陈静", idNumber: "440305199211203459")],
                reason: "核心交换机宕机 / core switch down", hours: 2, reportedBy: "陈静 13900000002"),
            by: supervisor)
        let order = try core.createWorkOrder(
            contract: "HT-2026-001", plannedAt: core.today.adding(days: 2).start(in: zone).addingTimeInterval(10 * 3600),
            note: "新增两台服务器 / two new servers", by: client)
        for (serial, unit) in [("CN7Y0A01", 10), ("CN7Y0A02", 12)] {
            _ = try core.addWorkOrderItem(
                order.number,
                NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: serial, rack: "A01", uPosition: unit),
                by: client)
        }
        _ = try core.issueWorkOrder(order.number, by: client)
        return "待办 / pending: 临时进入 / visit request \(visit.request.id), 紧急进入待复核 / emergency \(emergency.entry.id), 工单 / work order \(order.number)"
    }
}
