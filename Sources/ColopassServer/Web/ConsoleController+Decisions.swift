import ColopassCore
import Foundation
import Hummingbird

/// Decisions with their evidence on screen: a temporary-entry request beside its sealed letter and
/// the C7 checklist the clerk ticks before approving, its passes printed at A6; a supervisor's
/// emergency approval (C6) and its passes; a removal's application scan and movers' ID copies.
/// Every document is served by the core, to whom it may show it, and each opening audited.
extension ConsoleController {
    var decisionRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/visits/{id}", .signedIn, .viewRegistry) { request, context in
                let (id, actor) = (try Input.id("id", context), try context.actor(core))
                let view = try core.passes.visitRequest(id, by: actor)
                let page = Page(Bilingual(zh: "临时进入申请 \(id)", en: "Temporary entry request \(id)"), request, context, core)
                let offers = core.passes.offers(view, to: actor)
                let r = view.request
                return page.render(
                    "visit",
                    VisitPage(
                        id: id, client: view.clientName, reason: r.reason,
                        window: EntryWindow.describe(from: r.windowStart, to: r.windowEnd, in: page.zone),
                        requested: "\(r.requestedBy) \(page.time(r.requestedAt))",
                        decided: r.decidedBy.map { "\($0) \(page.time(r.decidedAt))" }, status: page.status(view.status),
                        decisionReason: r.decisionReason,
                        visitors: view.visitors.map { VisitorRow(name: $0.name, idNumber: IDDocument.mask($0.idNumber)) },
                        letter: "/web/visits/\(id)/letter", letterIsImage: false,
                        checks: Passes.LetterCheck.allCases.map { CheckItem(name: "check_\($0.rawValue)", label: page.t($0.title)) },
                        offers: offers, printable: offers.printPasses),
                    path: "/web/visits/\(id)")
            },
            APIRoute(.get, "/web/visits/{id}/letter", .signedIn, .fileVisitRequest) { request, context in
                Evidence.response(try core.passes.visitLetter(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.get, "/web/visits/{id}/passes", .signedIn, .fileVisitRequest) { request, context in
                let (id, actor) = (try Input.id("id", context), try context.actor(core))
                let view = try core.passes.visitRequest(id, by: actor)
                let slips = try await Offload.cpu { try core.passes.temporaryPassSlips(requestId: id, by: actor) }
                let page = Page(Bilingual(zh: "临时通行证 \(id)", en: "Temporary passes \(id)"), request, context, core)
                return page.render(
                    "passes",
                    ["slips": slips.map {
                        PrintedSlip(
                            number: $0.number, svg: BadgeSheet.inline($0.svg), approver: view.request.decidedBy ?? "—",
                            issued: page.time(view.request.decidedAt))
                    }], path: "/web/visits/\(id)/passes")
            },
            APIRoute(.get, "/web/emergencies/new", .signedIn, .approveEmergency) { request, context in
                try core.requirePermission(.approveEmergency, by: try context.actor(core))
                return try emergencyForm(request, context, typed: [:], error: nil)
            },
            APIRoute(.post, "/web/emergencies", .signedIn, .approveEmergency) { request, context in
                let form = try await WebForm.read(request, context, core)
                do {
                    guard let hours = Double(try form.require("hours")), hours > 0 else {
                        throw CoreError.invalid("hours", zh: "应为正数", en: "a positive number")
                    }
                    let entry = try core.passes.approveEmergency(
                        NewEmergency(
                            clientId: try form.int("client_id"),
                            staff: [NewVisitor(name: try form.require("visitor_name"), idNumber: try form.require("visitor_id"))],
                            reason: try form.require("reason"), hours: hours, reportedBy: form.text("reported_by")),
                        by: try context.actor(core))
                    return Redirect.to("/web/emergencies/\(entry.entry.id)/passes")
                } catch let error as CoreError where error.isInput {
                    return try emergencyForm(request, context, typed: form.fields, error: error)
                }
            },
            APIRoute(.get, "/web/emergencies/{id}/passes", .signedIn, .approveEmergency) { request, context in
                let (id, actor) = (try Input.id("id", context), try context.actor(core))
                let view = try core.passes.emergency(id, by: actor)
                let slips = try await Offload.cpu { try core.passes.emergencyPassSlips(emergencyId: id, by: actor) }
                let page = Page(Bilingual(zh: "紧急通行证 \(id)", en: "Emergency passes \(id)"), request, context, core)
                return page.render(
                    "passes",
                    ["slips": slips.map {
                        PrintedSlip(
                            number: $0.number, svg: BadgeSheet.inline($0.svg), approver: view.entry.approvedBy,
                            issued: page.time(view.entry.approvedAt))
                    }], path: "/web/emergencies/\(id)/passes")
            },
            APIRoute(.get, "/web/removals/{number}/documents/{which}", .signedIn, .fileRemoval) { request, context in
                Evidence.response(
                    try core.equipment.removalDocument(
                        try RemovalNumber(Input.text("number", context)), try Input.text("which", context), by: try context.actor(core)))
            },
        ]
    }

    func emergencyForm(_ request: Request, _ context: AppRequestContext, typed: [String: String], error: CoreError?) throws -> Response {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "批准紧急进入", en: "Approve an emergency entry"), request, context, core)
        var view: [String: Any] = [
            "clients": try core.registry.clients(by: actor).map {
                Views.Option(value: String($0.id), label: $0.name, selected: typed["client_id"] == String($0.id))
            },
            "typed": typed, "maxHours": core.policy.parameters.emergencyEntryMaxWindowHours,
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("emergency-new", view, status: error?.status ?? .ok, path: "/web/emergencies/new")
    }
}

struct VisitorRow {
    let name: String
    let idNumber: String
}

struct CheckItem {
    let name: String
    let label: String
}

struct VisitPage {
    let id: Int64
    let client: String
    let reason: String
    let window: String
    let requested: String
    let decided: String?
    let status: StatusLabel
    let decisionReason: String?
    let visitors: [VisitorRow]
    let letter: String
    let letterIsImage: Bool
    let checks: [CheckItem]
    let offers: VisitOffers
    let printable: Bool
}

/// One pass or exit slip on its A6 page: our SVG, then who approved it and when, and the boxes
/// the client, the clerk and the guard sign.
struct PrintedSlip {
    let number: String
    let svg: String
    let approver: String
    let issued: String
}
