import Foundation
import GRDB

/// Today's work at the desk, counted where it is stored: requests to decide, visits and racking
/// due today, removals due, emergencies awaiting a second supervisor (C6), cards running out
/// within the notice window, and who is inside. Each count is one `COUNT` in SQL, so the
/// dashboard costs the same with ten clients or ten thousand. Staff only: a client's own work is
/// on its portal.
public struct Workload: Sendable, Equatable, Codable {
    public var visitsToDecide = 0
    public var visitsDueToday = 0
    public var rackingDue = 0
    public var removalsDue = 0
    public var emergenciesToReview = 0
    public var cardsExpiring = 0
    /// Only for those who may see who is inside.
    public var inside: Int?
    /// Door alerts not yet acknowledged (G3 let-outs, a slip used twice); with `inside`.
    public var gateAlertsOpen: Int?
}

extension Core {
    public func workload(expiringWithinDays days: Int, by actor: Actor) throws -> Workload {
        let now = clock.now()
        let zone = policy.site.timeZone
        let today = Day(now, in: zone)
        let (start, end) = (today.start(in: zone), today.end(in: zone))
        let mayCountInside = actor.may(.viewOccupancy)
        return try read(actor, .viewRegistry) { db in
            try requireStaff(actor)
            func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
            }
            var work = Workload()
            work.visitsToDecide = try count("SELECT COUNT(*) FROM visit_request WHERE status = 'filed'")
            work.visitsDueToday = try count(
                "SELECT COUNT(*) FROM visit_request WHERE status = 'approved' AND window_start >= ? AND window_start <= ?",
                [start, end])
            work.rackingDue = try count(
                "SELECT COUNT(*) FROM work_order WHERE status IN ('issued', 'accepting') AND planned_at <= ?", [end])
            work.removalsDue = try count(
                "SELECT COUNT(*) FROM removal_request WHERE status IN ('filed', 'checked') AND removal_date <= ?",
                [today.description])
            work.emergenciesToReview = try count("SELECT COUNT(*) FROM emergency_entry WHERE reviewed_at IS NULL")
            work.cardsExpiring = try count(
                "SELECT COUNT(*) FROM card WHERE status = 'active' AND valid_until > ? AND valid_until <= ?",
                [now, now.addingTimeInterval(TimeInterval(days) * 86_400)])
            if mayCountInside {
                work.inside = try count("SELECT COUNT(*) FROM (\(GateEventRow.insideQuery(events: "gate_event")))")
                work.gateAlertsOpen = try count("SELECT COUNT(*) FROM gate_alert WHERE acknowledged_at IS NULL")
            }
            return work
        }
    }

    private func requireStaff(_ actor: Actor) throws {
        guard actor.role == .clientUser else { return }
        throw policy.refusal(R1.role, zh: "今日工作台仅供数据中心人员使用", en: "today's work is for the site's staff")
    }
}
