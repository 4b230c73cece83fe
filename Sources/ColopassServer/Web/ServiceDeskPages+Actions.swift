import ColopassCore
import Foundation
import Hummingbird

/// The desk's actions on the pages, each a thin form over the core's: a matter taken by phone or
/// at the counter, then reply, hand-over, resolve, reopen, the contact form, the fault's analysis
/// report and its delivery; a follow-up call and a needs survey recorded. A refusal comes back as
/// the error page naming its clause; success returns to the ticket or the desk.
extension ServiceDeskPages {
    var actionRoutes: [APIRoute] {
        [
            APIRoute(.post, "/web/desk/tickets", .signedIn, .handleTicket) { request, context in
                // The counter's form: staff take a matter here; a client files through the portal.
                let actor = try context.actor(core)
                try core.requirePermission(.handleTicket, by: actor)
                let form = try await WebForm.read(request, context, core)
                guard let channel = Ticket.Channel(rawValue: try form.require("channel")), channel != .portal else {
                    throw CoreError.invalid("channel", zh: "应为电话、来访或电子邮件", en: "phone, walk-in or e-mail")
                }
                let view = try core.serviceDesk.open(
                    NewTicket(
                        clientId: try form.int("client_id"), kind: try Self.kind(form), channel: channel,
                        subject: try form.require("subject"), words: try form.require("words"),
                        fault: try Self.fault(form, core), actedFirst: form.text("acted_first") != nil,
                        resolution: form.text("resolution")),
                    by: actor)
                return Redirect.to("/web/tickets/\(view.ticket.id)?done=opened")
            },
            ticketAction("reply") { form, id, actor in
                try core.serviceDesk.reply(id, text: try form.require("text"), solution: form.text("solution"), by: actor)
            },
            ticketAction("transfer") { form, id, actor in
                try core.serviceDesk.transfer(id, to: form.text("to"), reason: form.text("reason"), by: actor)
            },
            ticketAction("resolve") { form, id, actor in
                try core.serviceDesk.resolve(id, resolution: try form.require("resolution"), by: actor)
            },
            ticketAction("reopen") { form, id, actor in
                try core.serviceDesk.reopen(id, reason: try form.require("reason"), by: actor)
            },
            ticketAction("contact-form") { form, id, actor in
                try core.serviceDesk.recordContactForm(id, reference: try form.require("reference"), by: actor)
            },
            ticketAction("analysis") { form, id, actor in
                try core.serviceDesk.writeAnalysis(
                    id,
                    NewFaultAnalysis(
                        impact: try form.require("impact"), handling: try form.require("handling"),
                        cause: try form.require("cause"), corrective: try form.require("corrective"),
                        preventive: try form.require("preventive")),
                    by: actor)
            },
            ticketAction("analysis/deliver") { form, id, actor in
                try core.serviceDesk.deliverAnalysis(id, to: try form.require("to"), by: actor)
            },
            APIRoute(.post, "/web/desk/follow-ups/{client}", .signedIn, .handleTicket) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.serviceDesk.recordFollowUp(
                    clientId: try Input.id("client", context), note: try form.require("note"), by: try context.actor(core))
                return Redirect.to("/web/desk?done=called")
            },
            APIRoute(.post, "/web/desk/surveys/{client}", .signedIn, .handleTicket) { request, context in
                let form = try await WebForm.read(request, context, core)
                let year = try form.text("year").map { text -> Int in
                    guard let year = Int(text), (2000...2100).contains(year) else {
                        throw CoreError.invalid("year", zh: "应为年份", en: "a year")
                    }
                    return year
                }
                _ = try core.serviceDesk.recordNeedsSurvey(
                    clientId: try Input.id("client", context), year: year, note: try form.require("note"),
                    by: try context.actor(core))
                return Redirect.to("/web/desk?done=surveyed")
            },
        ]
    }

    /// `POST /web/tickets/{id}/<action>`: the form, then back to the ticket.
    private func ticketAction(
        _ action: String, _ body: @escaping @Sendable (WebForm, Int64, Actor) throws -> TicketView
    ) -> APIRoute {
        APIRoute(.post, "/web/tickets/{id}/\(action)", .signedIn, .handleTicket) { request, context in
            let form = try await WebForm.read(request, context, core)
            let id = try Input.id("id", context)
            _ = try body(form, id, try context.actor(core))
            return Redirect.to("/web/tickets/\(id)?done=\(action.replacingOccurrences(of: "/", with: "-"))")
        }
    }

    static func kind(_ form: WebForm) throws -> Ticket.Kind {
        guard let kind = Ticket.Kind(rawValue: try form.require("kind")) else {
            throw CoreError.invalid("kind", zh: "应为请求、投诉或故障", en: "request, complaint or fault")
        }
        return kind
    }

    /// K3's time, place, symptom and plan, for a fault only; the core says what is missing.
    static func fault(_ form: WebForm, _ core: Core) throws -> FaultDetails? {
        guard try kind(form) == .fault else { return nil }
        let zone = core.policy.site.timeZone
        return FaultDetails(
            at: try form.text("fault_at").map { try SiteTime.parse($0, in: zone, field: "fault_at") },
            place: form.text("fault_place"), symptom: form.text("fault_symptom"), plan: form.text("fault_plan"))
    }
}
