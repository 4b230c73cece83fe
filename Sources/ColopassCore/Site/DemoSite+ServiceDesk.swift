import Foundation

extension DemoSite {
    /// The desk's morning: `kefu` manages the companies' accounts (K6); a complaint waits for
    /// its answer (K2), a fault reported by phone owes its analysis report (K3), and a request
    /// taken at the counter was settled at once (K1).
    static func seedServiceDesk(_ core: Core, by cs: Actor, companies: [Int64], individual: Int64) throws -> String {
        for client in companies {
            _ = try core.serviceDesk.assignAccountManager(clientId: client, account: "kefu", by: cs)
        }
        let desk = core.serviceDesk
        _ = try desk.open(
            NewTicket(
                clientId: companies[0], kind: .complaint, channel: .phone, subject: "A01 机柜温度过高",
                words: "A01 机柜进风口温度一直在 30 度以上，本周第二次反映"), by: cs)
        let fault = try desk.open(
            NewTicket(
                clientId: companies[1], kind: .fault, channel: .phone, subject: "B07 机柜断电",
                words: "B07 机柜上的服务器全部离线",
                fault: FaultDetails(
                    at: core.clock.now().addingTimeInterval(-45 * 60), place: "B 区 B07 机柜",
                    symptom: "PDU 主路断电，服务器离线", plan: "切换备用 PDU，电工排查主路空开"),
                actedFirst: true), by: cs)
        _ = try desk.reply(fault.ticket.id, text: "已切换备用 PDU，服务器已恢复供电", by: cs)
        _ = try desk.open(
            NewTicket(
                clientId: individual, kind: .request, channel: .walkIn, subject: "查询机柜位置",
                words: "想确认 C12 机柜在哪一排", resolution: "C 区第 3 排，已带客户确认"), by: cs)
        return "3 服务工单 / service tickets"
    }
}
