import ColopassCore
import Foundation
import Hummingbird

/// The service desk's pages (K1–K8): the desk (my tickets, overdue first; escalations for
/// supervisors; follow-up calls due), a ticket with its history, and the client's portal page
/// where it files requests, complaints and fault reports and follows them. The fault analysis
/// report prints from `/api/tickets/{id}/analysis` (A4).
struct ServiceDeskPages: Sendable {
    let core: Core

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/desk", .signedIn, .handleTicket) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "客服台", en: "Service desk"), request, context, core)
                let mine = try core.serviceDesk.tickets(TicketFilter(owner: actor.name, unresolved: true), by: actor)
                let escalated = actor.role == .supervisor ? try core.serviceDesk.overdueTickets(by: actor) : nil
                let today = core.serviceDesk.today
                let due = try core.serviceDesk.followUpsDue(by: actor).filter { $0.dueOn <= today }
                let followUps = due.map {
                    FollowUpRow(
                        client: $0.clientName, due: "\($0.dueOn)", manager: $0.accountManager ?? "—",
                        state: $0.overdue ? page.t("遗漏 (K5)", "missed (K5)") : page.t("到期", "due"))
                }
                var view: [String: Any] = ["mine": ["tickets": Self.rows(mine, page)], "followUps": followUps]
                if let escalated { view["escalated"] = ["tickets": Self.rows(escalated, page)] }
                return page.render("desk", view, path: "/web/desk")
            },
            APIRoute(.get, "/web/tickets/{id}", .signedIn, .viewTickets) { request, context in
                let view = try core.serviceDesk.ticket(try Input.id("id", context), by: try context.actor(core))
                let t = view.ticket
                let page = Page(Bilingual(zh: "工单 #\(t.id)", en: "Ticket #\(t.id)"), request, context, core)
                let events = view.events.map {
                    TicketEventRow(at: page.time($0.at), kind: page.t($0.kind.title), actor: $0.actor, target: $0.target, text: $0.text)
                }
                let overdue = view.overdue.map { "\(page.t($0.title)) [\($0.clause)]" }.joined(separator: ", ")
                return page.render(
                    "ticket",
                    [
                        "id": t.id, "subject": t.subject, "kind": page.t(t.kind.title), "client": view.clientName,
                        "state": page.t(t.state.title), "owner": t.owner ?? "—", "overdue": overdue.isEmpty ? false : overdue,
                        "events": events, "hasAnalysis": view.analysis != nil, "open": t.state != .resolved,
                    ] as [String: Any],
                    path: "/web/tickets/\(t.id)")
            },
            APIRoute(.post, "/web/tickets/{id}/log", .signedIn, .fileTicket) { request, context in
                let form = try await WebForm.read(request, context, core)
                let id = try Input.id("id", context)
                _ = try core.serviceDesk.log(id, words: try form.require("words"), by: try context.actor(core))
                return Redirect.to("/web/tickets/\(id)?done=logged")
            },
            APIRoute(.get, "/web/portal/tickets", .signedIn, .viewTickets) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "我的工单", en: "My tickets"), request, context, core)
                let kinds = Ticket.Kind.allCases.map { Views.Option(value: $0.rawValue, label: page.t($0.title), selected: false) }
                return page.render(
                    "portal-tickets",
                    ["tickets": Self.rows(try core.serviceDesk.tickets(by: actor), page), "kinds": kinds, "clientId": actor.clientId ?? 0]
                        as [String: Any],
                    path: "/web/portal/tickets")
            },
            APIRoute(.post, "/web/portal/tickets", .signedIn, .fileTicket) { request, context in
                let form = try await WebForm.read(request, context, core)
                let zone = core.policy.site.timeZone
                guard let kind = Ticket.Kind(rawValue: try form.require("kind")) else {
                    throw CoreError.invalid("kind", zh: "应为请求、投诉或故障", en: "request, complaint or fault")
                }
                let fault = kind == .fault
                    ? FaultDetails(
                        at: try form.text("fault_at").map { try SiteTime.parse($0, in: zone, field: "fault_at") },
                        place: form.text("fault_place"), symptom: form.text("fault_symptom"), plan: form.text("fault_plan"))
                    : nil
                let view = try core.serviceDesk.open(
                    NewTicket(
                        clientId: try form.int("client_id"), kind: kind, channel: .portal,
                        subject: try form.require("subject"), words: try form.require("words"), fault: fault),
                    by: try context.actor(core))
                return Redirect.to("/web/tickets/\(view.ticket.id)?done=filed")
            },
        ]
    }

    static func rows(_ list: [TicketSummary], _ page: Page) -> [TicketRow] {
        list.map { s in
            TicketRow(
                id: s.ticket.id, kind: page.t(s.ticket.kind.title), client: s.clientName, subject: s.ticket.subject,
                state: page.t(s.ticket.state.title), owner: s.ticket.owner ?? "—", opened: page.time(s.ticket.openedAt),
                overdue: s.overdue.map { page.t($0.title) }.joined(separator: ", "))
        }
    }
}

struct TicketRow {
    let id: Int64
    let kind, client, subject, state, owner, opened, overdue: String
}

struct TicketEventRow {
    let at, kind, actor: String
    let target: String?
    let text: String
}

struct FollowUpRow {
    let client, due, manager, state: String
}
