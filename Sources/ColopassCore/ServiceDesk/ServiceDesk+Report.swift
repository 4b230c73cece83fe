import Foundation
import GRDB

extension ServiceDesk {
    /// K9: the service supervision report for the site days `from` to `through`: the tickets
    /// received in them, their clocks as they stand at the period's end (or now, if sooner), the
    /// faults and their analysis reports, and the follow-up calls scheduled in them.
    public func serviceReport(span: ServiceReport.Span, from: Day, through: Day, by actor: Actor) throws -> ServiceReport {
        guard from <= through else {
            throw CoreError.invalid("through", zh: "结束日期早于开始日期", en: "the last day is before the first")
        }
        let now = clock.now()
        return try read(actor, .viewServiceReports) { db in
            let zone = policy.site.timeZone
            let start = from.start(in: zone)
            let end = through.end(in: zone)
            let asOf = min(end, now)
            var staff = try lines(groupedBy: "COALESCE(t.owner, '')", start: start, end: end, asOf: asOf, db)
            var clients = try lines(groupedBy: "c.name", start: start, end: end, asOf: asOf, db)
            let asOfDay = Day(asOf, in: zone)
            for slot in try Self.followUpSlots(from: from, through: through, rules: rules, db) {
                let done = slot.call != nil
                let missed = !done && slot.due.adding(days: rules.followUpGraceDays) < asOfDay
                guard done || missed else { continue }
                let who = slot.call?.calledBy ?? slot.manager ?? ""
                staff[who, default: ServiceReport.Line(name: who)].followUpsDone += done ? 1 : 0
                staff[who, default: ServiceReport.Line(name: who)].followUpsMissed += missed ? 1 : 0
                clients[slot.name, default: ServiceReport.Line(name: slot.name)].followUpsDone += done ? 1 : 0
                clients[slot.name, default: ServiceReport.Line(name: slot.name)].followUpsMissed += missed ? 1 : 0
            }
            var totals = ServiceReport.Line(name: "合计 / total")
            clients.values.forEach { totals.add($0) }
            let unassigned = "（未分派）/ (unassigned)"
            let byStaff = staff.values.map { line -> ServiceReport.Line in
                var line = line
                if line.name.isEmpty { line.name = unassigned }
                return line
            }.sorted { $0.name < $1.name }
            return ServiceReport(
                span: span, from: from, through: through, generatedAt: now, totals: totals, byStaff: byStaff,
                byClient: clients.values.sorted { $0.name < $1.name }, faults: try faultLines(start: start, end: end, db))
        }
    }

    /// One aggregate pass over the period's tickets (the `ticket_opened` index), grouped by owner
    /// or by client.
    private func lines(groupedBy key: String, start: Date, end: Date, asOf: Date, _ db: Database) throws
        -> [String: ServiceReport.Line]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(key) AS name,
                  COUNT(*) AS received,
                  SUM(t.answered_at IS NOT NULL AND t.answered_at < :end) AS answered,
                  SUM(t.answered_at IS NOT NULL AND t.answered_at < :end
                      AND (t.reply_due IS NULL OR t.answered_at <= t.reply_due)) AS answered_in_time,
                  SUM(t.resolved_at IS NOT NULL AND t.resolved_at < :end) AS resolved,
                  SUM(t.resolved_at IS NOT NULL AND t.resolved_at < :end
                      AND (t.resolve_due IS NULL OR t.resolved_at <= t.resolve_due)) AS resolved_in_time,
                  SUM((t.reply_due IS NOT NULL AND t.reply_due < MIN(COALESCE(t.answered_at, :asOf), :asOf))
                      OR (t.resolve_due IS NOT NULL AND t.resolve_due < MIN(COALESCE(t.resolved_at, :asOf), :asOf))
                      OR (t.contact_form_due IS NOT NULL
                          AND t.contact_form_due < MIN(COALESCE(t.contact_form_at, :asOf), :asOf))) AS overdue,
                  SUM(t.kind = 'complaint') AS complaints,
                  SUM(t.kind = 'fault') AS faults,
                  SUM(t.kind = 'fault' AND a.delivered_at IS NOT NULL AND a.delivered_at < :end) AS faults_reported
                FROM ticket t JOIN client c ON c.id = t.client_id
                LEFT JOIN fault_analysis a ON a.ticket_id = t.id
                WHERE t.opened_at >= :start AND t.opened_at < :end
                GROUP BY \(key)
                """, arguments: ["start": start, "end": end, "asOf": asOf])
        var lines: [String: ServiceReport.Line] = [:]
        for row in rows {
            var line = ServiceReport.Line(name: row["name"])
            line.received = row["received"]
            line.answered = row["answered"]
            line.answeredInTime = row["answered_in_time"]
            line.resolved = row["resolved"]
            line.resolvedInTime = row["resolved_in_time"]
            line.overdue = row["overdue"]
            line.complaints = row["complaints"]
            line.faults = row["faults"]
            line.faultsReported = row["faults_reported"]
            line.faultsOpen = line.faults - line.faultsReported
            lines[line.name] = line
        }
        return lines
    }

    private func faultLines(start: Date, end: Date, _ db: Database) throws -> [ServiceReport.FaultLine] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT t.id, c.name, t.subject, t.fault_at, t.resolved_at, a.written_at, a.delivered_at
                FROM ticket t JOIN client c ON c.id = t.client_id LEFT JOIN fault_analysis a ON a.ticket_id = t.id
                WHERE t.kind = 'fault' AND t.opened_at >= ? AND t.opened_at < ? ORDER BY t.opened_at
                """, arguments: [start, end]
        ).map { row in
            ServiceReport.FaultLine(
                ticketId: row[0], clientName: row[1], subject: row[2], faultAt: row[3], resolvedAt: row[4],
                analysisWrittenAt: row[5],
                analysisDeliveredAt: (row[6] as Date?).flatMap { $0 < end ? $0 : nil })
        }
    }
}
