import ColopassCore
import Foundation
import GRDB

/// The service desk at scale (K9): 10,000 clients and 1,000,000 tickets over two years. The
/// monthly supervision report (aim < 2 s) and the overdue list (aim < 50 ms), each beside a
/// reference measured on the same database in the same run: a full scan of the ticket table for
/// the report, one ticket read by its key for the list.
enum ServiceDeskBench {
    static func run(clients: Int = 10_000, tickets: Int = 1_000_000) throws {
        print("\n== Service desk: \(clients) clients, \(tickets) tickets ==")
        let directory = NSTemporaryDirectory() + "colopass-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let policy = try Policy.load(contentsOf: "policies/site.yaml")
        let now = ISO8601DateFormatter().date(from: "2026-12-01T02:00:00Z")!
        let core = try Core(dataDirectory: directory + "/data", policy: policy, clock: .fixed(now))
        let boss = Actor(account: try core.accounts.addAccount(name: "boss", role: .supervisor, by: .system))
        let staff = (0..<20).map { "kefu\($0)" }
        for name in staff { _ = try core.accounts.addAccount(name: name, role: .customerService, by: .system) }
        let seeded = try Measure.milliseconds { try seed(core, clients: clients, tickets: tickets, staff: staff, now: now) }
        print("seeded in \(Measure.format(seeded / 1000, 1)) s")

        let scan = try median(5) {
            _ = try core.store.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT COUNT(*), SUM(length(subject)) FROM ticket")
            }
        }
        let (from, through) = try ServicePeriod.month("2026-11")
        var report: ServiceReport?
        let monthly = try median(3) { report = try core.serviceDesk.serviceReport(span: .month, from: from, through: through, by: boss) }
        let byKey = try median(201) { _ = try core.serviceDesk.ticket(Int64(tickets / 2), by: boss) }
        var overdue = 0
        let list = try median(51) { overdue = try core.serviceDesk.overdueTickets(limit: 200, by: boss).count }
        print("reference: full scan of the ticket table \(Measure.format(scan, 1)) ms; one ticket by key \(Measure.format(byKey, 3)) ms")
        print(
            "monthly report 2026-11 (\(report?.totals.received ?? 0) tickets, \(report?.byClient.count ?? 0) clients): median \(Measure.format(monthly, 1)) ms = \(Measure.format(monthly / scan, 2))× the full scan (aim < 2000 ms)")
        print(
            "overdue list (first \(overdue)): median \(Measure.format(list, 2)) ms = \(Measure.format(list / byKey, 1))× one ticket by key (aim < 50 ms)")
    }

    private static func median(_ count: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<count { times.append(try Measure.milliseconds(body)) }
        return Measure.percentile(times, 0.5)
    }

    /// Clients with one contract each, started over the past three years; tickets spread evenly
    /// over 2025–2026: 70 % requests, 20 % complaints, 10 % faults; about 2 % still unresolved,
    /// most of those past a deadline. Written straight into the tables, in one transaction.
    private static func seed(_ core: Core, clients: Int, tickets: Int, staff: [String], now: Date) throws {
        var random = SystemRandomNumberGenerator()
        let start = ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z")!
        let span = now.timeIntervalSince(start)
        try core.store.pool.write { db in
            let client = try db.makeStatement(
                sql: "INSERT INTO client (id, kind, name, status, created_at) VALUES (?, 'company', ?, 'active', ?)")
            let contract = try db.makeStatement(
                sql: """
                    INSERT INTO contract (id, number, client_id, starts_on, ends_on, status, racks, server_quota, created_at)
                    VALUES (?, ?, ?, ?, '2027-12-31', 'active', 'A01', 10, ?)
                    """)
            for id in 1...clients {
                try client.execute(arguments: [id, "压测客户 \(id)", start])
                let first = Day(year: 2024 + id % 3, month: 1 + id % 12, day: 1 + id % 28)!
                try contract.execute(arguments: [id, "BENCH-\(id)", id, first.description, start])
            }
            let ticket = try db.makeStatement(
                sql: """
                    INSERT INTO ticket (id, client_id, kind, channel, subject, state, opened_at, opened_by, owner, holiday,
                      reply_due, resolve_due, answered_at, resolved_at, closed_at_once, next_due_at, next_escalation_at,
                      updated_at)
                    VALUES (?, ?, ?, 'phone', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, ?, ?)
                    """)
            for id in 1...tickets {
                let opened = start.addingTimeInterval(span * Double(id) / Double(tickets + 1))
                let roll = Int.random(in: 0..<100, using: &random)
                let kind = roll < 70 ? "request" : roll < 90 ? "complaint" : "fault"
                let owner = staff[id % staff.count]
                let unresolved = Int.random(in: 0..<50, using: &random) == 0
                let answered = opened.addingTimeInterval(Double.random(in: 600...(30 * 3600), using: &random))
                let resolved = answered.addingTimeInterval(Double.random(in: 600...(80 * 3600), using: &random))
                let replyDue = kind == "complaint" ? opened.addingTimeInterval(24 * 3600) : nil
                let resolveDue = kind == "complaint" ? opened.addingTimeInterval(3 * 86_400) : nil
                let open = unresolved && resolved > now.addingTimeInterval(-30 * 86_400) || resolved > now
                let nextDue: Date? = open ? resolveDue : nil
                try ticket.execute(arguments: [
                    id, 1 + id % clients, kind, "压测工单 \(id)", open ? "answered" : "resolved", opened, owner, owner,
                    replyDue, resolveDue, answered, open ? nil : resolved, nextDue, nextDue, opened,
                ])
            }
        }
    }
}
