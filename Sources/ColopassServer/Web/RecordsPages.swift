import ColopassCore
import Foundation
import Hummingbird

/// What auditors and the desk read on pages: the visitor log (R4) with its CSV in Chinese or
/// English, the audit log with its verification against the signed checkpoints (admin and
/// supervisors), and the guard's landing page: who is inside and what each gate last uploaded.
struct RecordsPages: Sendable {
    let core: Core

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/visitor-log", .signedIn, .viewVisitorLog) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "访客登记", en: "Visitor log"), request, context, core)
                let today = core.today
                let from = try Input.day("from", request, default: today.adding(days: -7))
                let to = try Input.day("to", request, default: today)
                let rows = try core.passes.visitorLog(from: from, to: to, by: actor)
                let query = "from=\(from)&to=\(to)"
                return page.render(
                    "visitor-log",
                    VisitorLogPage(
                        from: from.description, to: to.description, csv: "/api/visitor-log.csv?\(query)",
                        csvEnglish: "/api/visitor-log.csv?\(query)&lang=en",
                        rows: rows.map {
                            VisitorLogPage.Row(
                                at: page.time($0.entry.at), event: page.t($0.entry.event.title), kind: page.t($0.entry.kind.title),
                                client: $0.clientName, visitor: $0.entry.visitorName, id: $0.entry.idMasked,
                                pass: $0.entry.passNumber ?? "—", gate: $0.entry.gate ?? "—", by: $0.entry.recordedBy)
                        }),
                    path: "/web/visitor-log")
            },
            APIRoute(.get, "/web/audit", .signedIn, .viewAudit) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "审计日志", en: "Audit log"), request, context, core)
                let entity = Input.query("entity", request)
                let key = Input.query("key", request)
                let records = try core.audit.auditRecords(entity: entity, key: key, limit: 200, by: actor)
                return page.render(
                    "audit",
                    AuditPage(
                        entity: entity ?? "", key: key ?? "",
                        rows: records.map {
                            AuditPage.Row(
                                seq: $0.seq, at: Self.siteTime($0.at, page), actor: $0.actor, credential: $0.credential ?? "",
                                action: $0.action, entity: "\($0.entity) \($0.entityKey)", clause: $0.clause ?? "",
                                refused: $0.outcome != "done", tampered: $0.tampered)
                        }),
                    path: "/web/audit")
            },
            // A verification signs a new checkpoint when the chain's head moved: a change, so a POST.
            APIRoute(.post, "/web/audit/verify", .signedIn, .viewAudit) { request, context in
                _ = try await WebForm.read(request, context, core)
                let actor = try context.actor(core)
                let result = try await Offload.cpu { try core.audit.verifyAudit(by: actor) }
                let page = Page(Bilingual(zh: "审计链校验", en: "Audit chain verification"), request, context, core)
                return page.render(
                    "audit-verify",
                    AuditVerifyPage(
                        intact: result.intact, checked: result.checked, head: result.headSeq,
                        firstBreak: result.firstBreak.map { "#\($0.seq): \($0.reason)" },
                        anchor: result.anchor.map { "#\($0.seq) · \(Self.siteTime($0.signedAt, page)) · key \($0.keyId)" },
                        checkpoints: result.checkpointsChecked, rejected: result.rejectedCheckpoints),
                    path: "/web/audit")
            },
        ]
    }

    /// An audit time as stored (ISO 8601) in the site's zone; the stored text if it does not parse
    /// (a tampered row is shown as it is).
    static func siteTime(_ text: String, _ page: Page) -> String {
        // FormatStyle parses in Swift; an ISO8601DateFormatter costs ~400 µs to create, per row.
        let date = (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
        return date.map { page.time($0) } ?? text
    }
}

struct VisitorLogPage {
    let from, to, csv, csvEnglish: String
    let rows: [Row]

    struct Row {
        let at, event, kind, client, visitor, id, pass, gate, by: String
    }
}

struct AuditPage {
    let entity, key: String
    let rows: [Row]

    struct Row {
        let seq: Int64
        let at, actor, credential, action, entity, clause: String
        let refused, tampered: Bool
    }
}

struct AuditVerifyPage {
    let intact: Bool
    let checked: Int
    let head: Int64
    let firstBreak: String?
    let anchor: String?
    let checkpoints: Int
    let rejected: [String]
}
