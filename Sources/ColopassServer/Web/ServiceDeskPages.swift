import ColopassCore
import Foundation
import Hummingbird

/// The service desk's pages (K1–K9): the desk (my tickets, overdue first; escalations for
/// supervisors; follow-up calls and needs surveys due; a ticket taken by phone or at the counter),
/// a ticket with its history and the actions its offers allow, the client's portal page where it
/// files requests, complaints and fault reports and follows them, the holiday duty roster and the
/// supervision reports. The fault analysis report prints from `/api/tickets/{id}/analysis` (A4).
struct ServiceDeskPages: Sendable {
    let core: Core

    var routes: [APIRoute] { pageRoutes + actionRoutes + reportRoutes }

    var pageRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/desk", .signedIn, .handleTicket) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "客服台", en: "Service desk"), request, context, core)
                return page.render("desk", try DeskPage(core, actor, page), path: "/web/desk")
            },
            APIRoute(.get, "/web/tickets/{id}", .signedIn, .viewTickets) { request, context in
                let actor = try context.actor(core)
                let view = try core.serviceDesk.ticket(try Input.id("id", context), by: actor)
                let t = view.ticket
                let page = Page(Bilingual(zh: "工单 #\(t.id)", en: "Ticket #\(t.id)"), request, context, core)
                let staff = actor.may(.handleTicket) ? try core.serviceDesk.staff(by: actor) : []
                return page.render(
                    "ticket", TicketPage(view, offers: core.serviceDesk.offers(view, to: actor), staff: staff, page),
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
                let view = try core.serviceDesk.open(
                    NewTicket(
                        clientId: try form.int("client_id"), kind: try Self.kind(form), channel: .portal,
                        subject: try form.require("subject"), words: try form.require("words"),
                        fault: try Self.fault(form, core)),
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
    let clientId: Int64
    let client, due, manager, state: String
}
