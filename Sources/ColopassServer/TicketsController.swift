import ColopassCore
import Foundation
import Hummingbird

/// The service desk's tickets (K1–K4): clients file and follow their own, staff answer, hand
/// over, resolve, and write fault analysis reports.
struct TicketsController: Sendable {
    let core: Core

    struct OpenRequest: Decodable {
        var clientId: Int64
        var kind: Ticket.Kind
        var channel: Ticket.Channel?
        var subject: String
        var words: String
        var faultAt: String?
        var faultPlace: String?
        var faultSymptom: String?
        var faultPlan: String?
        var actedFirst: Bool?
        var resolution: String?
    }

    struct WordsRequest: Decodable { var words: String }
    struct ReplyRequest: Decodable {
        var text: String
        var solution: String?
    }
    struct TransferRequest: Decodable {
        var to: String?
        var reason: String?
    }
    struct ResolveRequest: Decodable { var resolution: String }
    struct ReasonRequest: Decodable { var reason: String }
    struct ContactFormRequest: Decodable { var reference: String }
    struct AnalysisRequest: Decodable {
        var impact: String
        var handling: String
        var cause: String
        var corrective: String
        var preventive: String
    }
    struct DeliverRequest: Decodable { var to: String }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/tickets", .signedIn, .viewTickets) { request, context in
                let state = try Input.query("state", request).map { text -> Ticket.State in
                    guard let state = Ticket.State(rawValue: text) else {
                        throw CoreError.invalid("state", zh: "应为 open、answered 或 resolved", en: "open, answered or resolved")
                    }
                    return state
                }
                let filter = TicketFilter(
                    clientId: try Input.queryInt("client", request, atLeast: 1), owner: Input.query("owner", request),
                    state: state, unresolved: try Input.queryBool("unresolved", request),
                    overdueOnly: try Input.queryBool("overdue", request),
                    limit: Int(try Input.queryInt("limit", request, atLeast: 1) ?? 200))
                return try Reply.json(try core.serviceDesk.tickets(filter, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets", .signedIn, .fileTicket) { request, context in
                let body = try await Input.json(OpenRequest.self, from: request, core)
                let zone = core.policy.site.timeZone
                let fault = body.kind == .fault
                    ? FaultDetails(
                        at: try body.faultAt.map { try SiteTime.parse($0, in: zone, field: "fault_at") },
                        place: body.faultPlace, symptom: body.faultSymptom, plan: body.faultPlan)
                    : nil
                let view = try core.serviceDesk.open(
                    NewTicket(
                        clientId: body.clientId, kind: body.kind, channel: body.channel ?? .portal, subject: body.subject,
                        words: body.words, fault: fault, actedFirst: body.actedFirst ?? false,
                        resolution: body.resolution),
                    by: try context.actor(core))
                return try Reply.json(view, status: .created)
            },
            APIRoute(.get, "/api/tickets/{id}", .signedIn, .viewTickets) { _, context in
                try Reply.json(try core.serviceDesk.ticket(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/log", .signedIn, .fileTicket) { request, context in
                let body = try await Input.json(WordsRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.log(try Input.id("id", context), words: body.words, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/reply", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(ReplyRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.reply(
                        try Input.id("id", context), text: body.text, solution: body.solution, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/transfer", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(TransferRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.transfer(
                        try Input.id("id", context), to: body.to, reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/resolve", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(ResolveRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.resolve(
                        try Input.id("id", context), resolution: body.resolution, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/reopen", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(ReasonRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.reopen(try Input.id("id", context), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/contact-form", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(ContactFormRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.recordContactForm(
                        try Input.id("id", context), reference: body.reference, by: try context.actor(core)))
            },
            APIRoute(.put, "/api/tickets/{id}/analysis", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(AnalysisRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.writeAnalysis(
                        try Input.id("id", context),
                        NewFaultAnalysis(
                            impact: body.impact, handling: body.handling, cause: body.cause, corrective: body.corrective,
                            preventive: body.preventive), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/tickets/{id}/analysis/deliver", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(DeliverRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.deliverAnalysis(try Input.id("id", context), to: body.to, by: try context.actor(core)))
            },
            // The printable A4 page of a fault's analysis report: the client reads its own.
            APIRoute(.get, "/api/tickets/{id}/analysis", .signedIn, .viewTickets) { _, context in
                let view = try core.serviceDesk.ticket(try Input.id("id", context), by: try context.actor(core))
                guard let page = view.analysisHTML(core.policy) else {
                    throw CoreError.notFound(entity: "fault_analysis", key: String(view.ticket.id))
                }
                return Reply.text(page, type: "text/html; charset=utf-8")
            },
        ]
    }
}
