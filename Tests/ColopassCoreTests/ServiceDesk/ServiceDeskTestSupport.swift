import Foundation

@testable import ColopassCore

extension TestSite {
    /// 2026-11-10 09:00 at the site (Asia/Shanghai): a working Tuesday.
    static let deskMorning = ISO8601DateFormatter().date(from: "2026-11-10T01:00:00Z")!

    func advance(minutes: Double) { now = now.addingTimeInterval(minutes * 60) }

    func complaint(_ clientId: Int64, by actor: Actor? = nil) throws -> TicketView {
        try core.serviceDesk.open(
            NewTicket(
                clientId: clientId, kind: .complaint, channel: .phone, subject: "机柜温度过高",
                words: "A01 机柜温度一直在 30 度以上，已经第二次反映了"), by: actor ?? service)
    }

    func fault(_ clientId: Int64, by actor: Actor? = nil) throws -> TicketView {
        try core.serviceDesk.open(
            NewTicket(
                clientId: clientId, kind: .fault, channel: .phone, subject: "A 区断电",
                words: "我们的服务器全部掉线了",
                fault: FaultDetails(
                    at: now.addingTimeInterval(-600), place: "A 区 A01–A08 机柜", symptom: "PDU 断电，服务器离线",
                    plan: "切换备用 PDU，电工排查主路")), by: actor ?? service)
    }

    func report(_ from: String, _ through: String) throws -> ServiceReport {
        try core.serviceDesk.serviceReport(span: .month, from: Day(from)!, through: Day(through)!, by: supervisor)
    }
}
