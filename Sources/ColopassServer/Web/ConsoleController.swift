import ColopassCore
import Foundation
import Hummingbird

/// The operators' console: clients, people, cards (issue, badge, lost, cancel, return), temporary
/// entry decisions, emergencies, and (in its own file) equipment. Every page asks the core as the
/// signed-in actor; the core decides.
struct ConsoleController: Sendable {
    let core: Core

    var routes: [APIRoute] { registryRoutes + equipmentRoutes }

    private var registryRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                if actor.role == .clientUser { return Redirect.to("/web/portal") }
                var page = Page(Bilingual(zh: "工作台", en: "Console"), request, context)
                let filed = try core.passes.visitRequests(status: .filed, by: actor).count
                let awaiting = try core.passes.emergencies(awaitingReview: true, by: actor).count
                page.add(
                    """
                    <p class="note">\(h(page.t("待处理临时进入申请", "Temporary entry requests to decide"))): \
                    <a href="/web/visits">\(filed)</a> · \(h(page.t("待复核紧急进入", "Emergencies awaiting review"))): \
                    <a href="/web/emergencies">\(awaiting)</a></p>
                    """)
                page.add(Tables.clients(try core.registry.clients(by: actor), page))
                return page.response(path: "/web/")
            },
            APIRoute(.get, "/web/clients", .signedIn, .viewRegistry) { request, context in
                var page = Page(Bilingual(zh: "客户", en: "Clients"), request, context)
                page.add(Tables.clients(try core.registry.clients(by: try context.actor(core)), page))
                return page.response(path: "/web/clients")
            },
            APIRoute(.get, "/web/clients/{id}", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let id = try Input.id("id", context)
                let found = try core.registry.client(id, by: actor)
                var page = Page(Bilingual(zh: "客户：\(found.client.name)", en: "Client: \(found.client.name)"), request, context)
                Notes.done(request, &page)
                page.add("<h2>\(h(page.t("合同", "Contracts")))</h2>")
                page.add(Tables.contracts(try core.registry.contracts(clientId: id, by: actor), page))
                page.add("<h2>\(h(page.t("人员", "People")))</h2>")
                page.add(Tables.people(try core.registry.people(clientId: id, by: actor), page, issue: actor.role == .customerService))
                page.add("<h2>\(h(page.t("出入证", "Cards")))</h2>")
                page.add(Tables.cards(try core.cards.cards(clientId: id, by: actor), page))
                return page.response(path: "/web/clients/\(id)")
            },
            APIRoute(.get, "/web/cards", .signedIn, .viewRegistry) { request, context in
                var page = Page(Bilingual(zh: "出入证", en: "Cards"), request, context)
                page.add(Tables.cards(try core.cards.cards(by: try context.actor(core)), page))
                return page.response(path: "/web/cards")
            },
            APIRoute(.post, "/web/cards", .signedIn, .issueCards) { request, context in
                let form = try await WebForm.read(request, context, core)
                let card = try core.cards.issueCard(personId: try form.int("person_id"), by: try context.actor(core))
                return Redirect.to("/web/cards/\(card.number)?done=issued")
            },
            APIRoute(.get, "/web/cards/{number}", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let view = try core.cards.card(try CardNumber(Input.text("number", context)), by: actor)
                var page = Page(Bilingual(zh: "出入证 \(view.card.number)", en: "Card \(view.card.number)"), request, context)
                Notes.done(request, &page)
                page.add(Tables.cardDetail(view, page, core.policy.site.timeZone))
                let number = view.card.number
                var actions: [String] = []
                if actor.role == .customerService, view.status == "active" {
                    actions.append(
                        "<a id=\"badge\" href=\"/web/cards/\(h(number))/badge\">\(h(page.t("查看并打印胸卡", "View and print the badge")))</a>")
                }
                if view.card.status == .active, [.customerService, .clientUser].contains(actor.role) {
                    actions.append(page.form("/web/cards/\(number)/lost", "", button: Bilingual(zh: "挂失", en: "Report lost"), danger: true))
                }
                if actor.role == .customerService, [.active, .lost].contains(view.card.status) {
                    actions.append(
                        page.form(
                            "/web/cards/\(number)/cancel",
                            "<input name=\"reason\" required placeholder=\"\(h(page.t("注销原因", "reason")))\">",
                            button: Bilingual(zh: "注销", en: "Cancel card"), danger: true))
                }
                if actor.role == .customerService, view.card.returnedAt == nil, view.card.status != .lost {
                    actions.append(page.form("/web/cards/\(number)/return", "", button: Bilingual(zh: "登记交回", en: "Record return")))
                }
                page.add("<p>\(actions.joined(separator: " "))</p>")
                return page.response(path: "/web/cards/\(number)")
            },
            APIRoute(.get, "/web/cards/{number}/badge", .signedIn, .issueCards) { request, context in
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                let badge = try await Offload.cpu { try core.cards.renderBadge(try CardNumber(number), by: actor) }
                var page = Page(Bilingual(zh: "胸卡 \(badge.cardNumber)", en: "Badge \(badge.cardNumber)"), request, context)
                page.addPrintable([("badge", "badge-front", badge.front), ("badge", "badge-back", badge.back)])
                return page.response(path: "/web/cards/\(badge.cardNumber)/badge")
            },
            APIRoute(.post, "/web/cards/{number}/lost", .signedIn, .reportCardLost) { request, context in
                _ = try await WebForm.read(request, context, core)
                let card = try core.cards.reportCardLost(try CardNumber(Input.text("number", context)), by: try context.actor(core))
                return Redirect.to("/web/cards/\(card.number)?done=lost")
            },
            APIRoute(.post, "/web/cards/{number}/cancel", .signedIn, .issueCards) { request, context in
                let form = try await WebForm.read(request, context, core)
                let card = try core.cards.cancelCard(
                    try CardNumber(Input.text("number", context)), reason: form.text("reason") ?? "", by: try context.actor(core))
                return Redirect.to("/web/cards/\(card.number)?done=cancelled")
            },
            APIRoute(.post, "/web/cards/{number}/return", .signedIn, .returnCards) { request, context in
                _ = try await WebForm.read(request, context, core)
                let card = try core.cards.recordCardReturn(try CardNumber(Input.text("number", context)), by: try context.actor(core))
                return Redirect.to("/web/cards/\(card.number)?done=returned")
            },
            APIRoute(.get, "/web/visits", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "临时进入申请", en: "Temporary entry requests"), request, context)
                Notes.done(request, &page)
                page.add(Tables.visits(try core.passes.visitRequests(by: actor), page, core.policy.site.timeZone, decide: actor.role == .customerService))
                return page.response(path: "/web/visits")
            },
            APIRoute(.post, "/web/visits/{id}/approve", .signedIn, .decideVisitRequest) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.passes.approveVisitRequest(try Input.id("id", context), by: try context.actor(core))
                return Redirect.to("/web/visits?done=approved")
            },
            APIRoute(.post, "/web/visits/{id}/reject", .signedIn, .decideVisitRequest) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.passes.rejectVisitRequest(
                    try Input.id("id", context), reason: form.text("reason") ?? "", by: try context.actor(core))
                return Redirect.to("/web/visits?done=rejected")
            },
            APIRoute(.get, "/web/emergencies", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "紧急进入", en: "Emergency entries"), request, context)
                Notes.done(request, &page)
                page.add(Tables.emergencies(try core.passes.emergencies(by: actor), page, core.policy.site.timeZone, review: actor.role == .supervisor))
                return page.response(path: "/web/emergencies")
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

/// "Done" after an action's redirect: a fixed message, never text from the URL.
enum Notes {
    static func done(_ request: Request, _ page: inout Page) {
        guard Input.query("done", request) != nil else { return }
        page.add("<p class=\"note\" id=\"done\">\(h(page.t("已完成", "Done")))</p>")
    }
}
