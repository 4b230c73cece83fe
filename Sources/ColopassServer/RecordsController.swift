import ColopassCore
import Foundation
import Hummingbird

/// The visitor log (R4) and the audit chain: what auditors read.
struct RecordsController: Sendable {
    let core: Core

    struct Verification: Encodable {
        var checked: Int
        var intact: Bool
        var firstBreak: Break?
        var headSeq: Int64
        var checkpointsChecked: Int
        var newestCheckpoint: AuditCheckpoint?
        var rejectedCheckpoints: [String]

        struct Break: Encodable {
            var seq: Int64
            var reason: String
        }
    }

    struct Purge: Encodable {
        var deleted: Int
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/visitor-log", .signedIn, .viewVisitorLog) { request, context in
                let (from, to, client) = try range(request)
                return try Reply.json(
                    try core.passes.visitorLog(from: from, to: to, clientId: client, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/visitor-log.csv", .signedIn, .viewVisitorLog) { request, context in
                let (from, to, client) = try range(request)
                let csv = try core.passes.exportVisitorLog(
                    from: from, to: to, clientId: client, english: try Input.queryLanguage(request) == "en", by: try context.actor(core))
                return Reply.text(csv, type: "text/csv; charset=utf-8", filename: "visitor-log-\(from)-\(to).csv")
            },
            APIRoute(.post, "/api/visitor-log/purge", .signedIn, .viewVisitorLog) { _, context in
                try Reply.json(Purge(deleted: try core.passes.purgeVisitorLog(by: try context.actor(core))))
            },
            APIRoute(.get, "/api/audit", .signedIn, .viewAudit) { request, context in
                let limit = try Input.queryInt("limit", request, atLeast: 1) ?? 100
                return try Reply.json(
                    try core.audit.auditRecords(
                        entity: Input.query("entity", request), key: Input.query("key", request),
                        limit: Int(min(limit, 10_000)), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/audit/verify", .signedIn, .viewAudit) { _, context in
                let result = try core.audit.verifyAudit(by: try context.actor(core))
                return try Reply.json(
                    Verification(
                        checked: result.checked, intact: result.intact,
                        firstBreak: result.firstBreak.map { .init(seq: $0.seq, reason: $0.reason) },
                        headSeq: result.headSeq, checkpointsChecked: result.checkpointsChecked,
                        newestCheckpoint: result.anchor, rejectedCheckpoints: result.rejectedCheckpoints))
            },
            APIRoute(.get, "/api/occupants", .signedIn, .viewOccupancy) { _, context in
                try Reply.json(try core.gate.occupants(by: try context.actor(core)))
            },
            APIRoute(.get, "/api/gate-events", .signedIn, .viewAudit) { request, context in
                let since = try Input.query("since", request).map { text in
                    guard let date = try? Date(text, strategy: .iso8601) else {
                        throw CoreError.invalid("since", zh: "应为 ISO 8601 时间", en: "an ISO 8601 time")
                    }
                    return date
                }
                let limit = try Input.queryInt("limit", request, atLeast: 1) ?? 1000
                return try Reply.json(
                    try core.gate.gateEvents(since: since, limit: Int(min(limit, 10_000)), by: try context.actor(core)))
            },
        ]
    }

    /// `from`/`to` site days (default: the last 30 days to today), optional `client`.
    private func range(_ request: Request) throws -> (Day, Day, Int64?) {
        let today = core.today
        return (
            try Input.day("from", request, default: today.adding(days: -30)), try Input.day("to", request, default: today),
            try Input.queryInt("client", request, atLeast: 1)
        )
    }
}
