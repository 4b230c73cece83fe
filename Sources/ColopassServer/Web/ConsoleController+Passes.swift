import ColopassCore
import Foundation
import Hummingbird

/// Temporary entry requests decided at the desk (C7) and emergencies reviewed by a second
/// supervisor (C6).
extension ConsoleController {
    var passRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/visits", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "临时进入申请", en: "Temporary entry requests"), request, context, core)
                let visits = try core.passes.visitRequests(by: actor)
                var list = ListQuery(request, path: "/web/visits", sorts: ["id", "window"])
                let sort = list.sort
                list.states(["filed", "approved", "rejected", "cancelled"].map { ($0, page.status($0).label) })
                list.clients(Dictionary(visits.map { ($0.request.clientId, $0.clientName) }, uniquingKeysWith: { a, _ in a }))
                let found = list.apply(
                    visits,
                    text: { v in [String(v.request.id), v.clientName, v.request.reason] + v.visitors.flatMap { [$0.name, String($0.idNumber.suffix(4))] } },
                    state: { $0.status }, client: { $0.request.clientId },
                    sort: { sort == "window" ? $0.request.windowStart < $1.request.windowStart : $0.request.id > $1.request.id })
                return page.render(
                    "visits",
                    ["list": list.view(), "visits": found.map { Views.visit($0, page, offers: core.passes.offers($0, to: actor)) }],
                    path: "/web/visits")
            },
            APIRoute(.post, "/web/visits/{id}/approve", .signedIn, .decideVisitRequest) { request, context in
                // C7: the page's checklist, every item ticked, goes to the core with the approval.
                let form = try await WebForm.read(request, context, core)
                let checked = Set(Passes.LetterCheck.allCases.filter { form.text("check_\($0.rawValue)") != nil })
                let id = try Input.id("id", context)
                _ = try core.passes.approveVisitRequest(id, checked: checked, by: try context.actor(core))
                return Redirect.to("/web/visits/\(id)?done=approved")
            },
            APIRoute(.post, "/web/visits/{id}/reject", .signedIn, .decideVisitRequest) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.passes.rejectVisitRequest(
                    try Input.id("id", context), reason: form.text("reason") ?? "", by: try context.actor(core))
                return Redirect.to("/web/visits?done=rejected")
            },
            APIRoute(.get, "/web/emergencies", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "紧急进入", en: "Emergency entries"), request, context, core)
                let emergencies = try core.passes.emergencies(by: actor)
                var list = ListQuery(request, path: "/web/emergencies", sorts: ["id", "window"])
                let sort = list.sort
                list.hint = page.t("编号、客户、事由、人员或通行证号", "number, client, reason, person or pass")
                list.states(["awaiting_review", "reviewed"].map { ($0, page.status($0).label) })
                list.clients(Dictionary(emergencies.map { ($0.entry.clientId, $0.clientName) }, uniquingKeysWith: { a, _ in a }))
                let found = list.apply(
                    emergencies,
                    text: { e in
                        [String(e.entry.id), e.clientName, e.entry.reason, e.entry.approvedBy, e.entry.reportedBy ?? ""]
                            + e.passes.flatMap { [$0.pass.visitorName, $0.pass.number] }
                    },
                    state: { $0.awaitingReview ? "awaiting_review" : "reviewed" }, client: { $0.entry.clientId },
                    sort: { sort == "window" ? $0.entry.windowStart > $1.entry.windowStart : $0.entry.id > $1.entry.id })
                let rows = found.map { Views.emergency($0, page, offers: core.passes.offers($0, to: actor)) }
                return page.render(
                    "emergencies", ["list": list.view(), "emergencies": rows, "mayApprove": actor.may(.approveEmergency)],
                    path: "/web/emergencies")
            },
            APIRoute(.post, "/web/emergencies/{id}/review", .signedIn, .reviewEmergency) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.passes.reviewEmergency(
                    try Input.id("id", context), note: form.text("note") ?? "", by: try context.actor(core))
                return Redirect.to("/web/emergencies?done=reviewed")
            },
        ]
    }
}
