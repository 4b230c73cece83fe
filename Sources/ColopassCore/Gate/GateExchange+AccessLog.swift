import Foundation
import GRDB

/// One passage of one of a client's people (a card holder, or a visitor on the client's
/// temporary pass) as the gates recorded it.
public struct AccessLogEntry: Sendable, Codable, Equatable {
    public var at: Date
    public var gate: String
    /// `in` or `out`.
    public var direction: String
    /// `granted` or `denied`.
    public var result: String
    public var clause: String?
    public var reason: String?
    public var personId: Int64?
    public var name: String
    /// The card or temporary pass shown.
    public var credential: String
}

extension GateExchange {
    /// The entries and exits of a client's people between two site days (inclusive), oldest first,
    /// optionally of one person. A client user sees its own client's only (R3).
    public func accessLog(
        clientId: Int64, personId: Int64? = nil, from: Day, to: Day, by actor: Actor
    ) throws -> [AccessLogEntry] {
        guard from <= to else {
            throw CoreError.invalid("to", zh: "结束日期早于开始日期", en: "the last day is before the first")
        }
        let zone = policy.site.timeZone
        return try read(actor, .viewAccessLog) { db in
            try requireOwnClient(actor, clientId)
            _ = try Registry.fetchClient(clientId, db)
            let window: StatementArguments = [clientId, from.start(in: zone), to.end(in: zone)]
            var sql = """
                SELECT e.at, e.gate, e.direction, e.result, e.clause, e.reason, p.id AS person_id, p.name AS name,
                    c.number AS credential
                FROM gate_event e JOIN card c ON e.kind = 1 AND c.id = e.credential_id JOIN person p ON p.id = c.person_id
                WHERE c.client_id = ? AND e.at >= ? AND e.at < ?
                """
            var arguments = window
            if let personId {
                sql += " AND p.id = ?"
                _ = arguments.append(contentsOf: [personId])
            } else {
                // A visitor is no registered person: one person's log is their card's alone.
                sql += """

                    UNION ALL
                    SELECT e.at, e.gate, e.direction, e.result, e.clause, e.reason, NULL, t.visitor_name, t.number
                    FROM gate_event e JOIN temporary_pass t ON e.kind = 2 AND t.id = e.credential_id
                    WHERE t.client_id = ? AND e.at >= ? AND e.at < ?
                    """
                arguments += window
            }
            sql += " ORDER BY 1"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AccessLogEntry(
                    at: row["at"], gate: row["gate"], direction: row["direction"], result: row["result"],
                    clause: row["clause"], reason: row["reason"], personId: row["person_id"], name: row["name"],
                    credential: row["credential"])
            }
        }
    }
}

/// The access log as CSV for a client's own audits: UTF-8 with a byte-order mark (so a
/// spreadsheet opens the Chinese right), Chinese headers, site time, the same escaping as the
/// visitor log.
public enum AccessLogCSV {
    public static let header = ["时间", "门岗", "方向", "结果", "条款", "原因", "人员", "证件"]

    public static func render(_ entries: [AccessLogEntry], in zone: TimeZone) -> String {
        var lines = [VisitLogCSV.line(header)]
        for entry in entries {
            lines.append(
                VisitLogCSV.line([
                    EntryWindow.timestamp(entry.at, in: zone), entry.gate, entry.direction == "in" ? "进" : "出",
                    entry.result == "granted" ? "通过" : "拒绝", entry.clause ?? "", entry.reason ?? "", entry.name,
                    entry.credential,
                ]))
        }
        return "\u{FEFF}" + lines.map { $0 + "\r\n" }.joined()
    }
}
