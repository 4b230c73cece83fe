import ColopassCore
import Foundation
import Hummingbird

/// The operators' console: clients, people, cards (issue, badge, lost, cancel, return), temporary
/// entry decisions, emergencies, and (in their own files) equipment and the desk's other jobs.
/// Every page asks the core as the signed-in actor; the core decides, and says what it offers.
struct ConsoleController: Sendable {
    let core: Core

    var routes: [APIRoute] {
        registryRoutes + cardRoutes + passRoutes + equipmentRoutes + workOrderRoutes + addressRoutes + deskRoutes
            + decisionRoutes + gateAlertRoutes
    }

    private var registryRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                if actor.role == .clientUser { return Redirect.to("/web/portal") }
                // The guard's work is the door: who is inside and what the gates last sent.
                if actor.role == .guard { return Redirect.to("/web/inside") }
                let page = Page(Bilingual(zh: "工作台", en: "Console"), request, context, core)
                return page.render("home", try Dashboard.view(core, actor, page), path: "/web/")
            },
            APIRoute(.get, "/web/clients", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "客户", en: "Clients"), request, context, core)
                let clients = try core.registry.clients(by: actor)
                var list = ListQuery(request, path: "/web/clients", sorts: ["id", "name"])
                list.hint = page.t("名称、信用代码、编号或证件号后四位", "name, credit code, number or ID's last four")
                let sort = list.sort
                list.states(["active", "suspended", "terminated"].map { ($0, page.status($0).label) })
                let found = list.apply(
                    clients, text: { [$0.name, $0.creditCode ?? "", String($0.id), String(($0.idNumber ?? "").suffix(4))] },
                    state: { $0.status.rawValue }, client: { $0.id },
                    sort: { sort == "name" ? $0.name < $1.name : $0.id < $1.id })
                return page.render(
                    "clients",
                    ["list": list.view(), "clients": found.map { Views.client($0, page) }, "mayRegister": actor.may(.manageClients)],
                    path: "/web/clients")
            },
            APIRoute(.get, "/web/clients/{id}", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let id = try Input.id("id", context)
                let found = try core.registry.client(id, by: actor)
                let page = Page(Bilingual(zh: "客户：\(found.client.name)", en: "Client: \(found.client.name)"), request, context, core)
                let cards = try core.cards.cards(clientId: id, by: actor)
                let contracts = try core.registry.contracts(clientId: id, by: actor)
                let row = Views.client(found.client, page)
                return page.render(
                    "client",
                    ClientPage(
                        id: id, kind: row.kind, code: row.code, status: row.status,
                        contracts: contracts.map {
                            Views.ContractRow(
                                number: $0.number, term: "\($0.startsOn) – \($0.endsOn)", racks: $0.racks, quota: $0.serverQuota,
                                status: page.status($0.status.rawValue), offers: core.registry.offers($0, to: actor))
                        },
                        people: try core.registry.people(clientId: id, by: actor).map {
                            Views.person($0, page, offers: core.cards.offers($0, cards: cards, to: actor))
                        },
                        cards: cards.map { Views.card($0, page) },
                        mayAddContract: actor.may(.manageContracts), mayAddPerson: actor.may(.managePersonnel)),
                    path: "/web/clients/\(id)")
            },
        ]
    }

    private var cardRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/cards", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "出入证", en: "Cards"), request, context, core)
                var list = ListQuery(request, path: "/web/cards", sorts: ["number", "holder", "valid"])
                list.states(["active", "lost", "cancelled", "expired", "returned"].map { ($0, page.status($0).label) })
                try list.clientMenu(core, actor)
                var query = CardQuery()
                query.text = list.q
                query.state = list.state.isEmpty ? nil : list.state
                query.clientId = Int64(list.client)
                query.sort = CardQuery.Sort(rawValue: list.sort) ?? .number
                query.offset = list.offset
                query.limit = ListQuery.pageSize
                // counted up to 1,000 past this page: enough to page on, cheap on a list of 100,000
                query.countUpTo = list.offset + ListQuery.countUpTo
                let found = try core.cards.cards(matching: query, by: actor)
                list.counted(found.total, upTo: list.offset + ListQuery.countUpTo)
                return page.render("cards", ["list": list.view(), "cards": found.rows.map { Views.card($0, page) }], path: "/web/cards")
            },
            APIRoute(.post, "/web/cards", .signedIn, .issueCards) { request, context in
                let form = try await WebForm.read(request, context, core)
                let card = try core.cards.issueCard(personId: try form.int("person_id"), by: try context.actor(core))
                return Redirect.to("/web/cards/\(card.number)?done=issued")
            },
            APIRoute(.get, "/web/cards/{number}", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let view = try core.cards.card(try CardNumber(Input.text("number", context)), by: actor)
                let page = Page(Bilingual(zh: "出入证 \(view.card.number)", en: "Card \(view.card.number)"), request, context, core)
                return page.render(
                    "card", Views.cardDetail(view, page, offers: core.cards.offers(view, to: actor)),
                    path: "/web/cards/\(view.card.number)")
            },
            APIRoute(.get, "/web/cards/{number}/badge", .signedIn, .issueCards) { request, context in
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                let badge = try await Offload.cpu { try core.cards.renderBadge(try CardNumber(number), by: actor) }
                let page = Page(Bilingual(zh: "胸卡 \(badge.cardNumber)", en: "Badge \(badge.cardNumber)"), request, context, core)
                return page.render("badge", ["badges": [BadgeSheet(badge, suffix: "")]], path: "/web/cards/\(badge.cardNumber)/badge")
            },
            APIRoute(.get, "/web/badges", .signedIn, .issueCards) { request, context in
                // A batch in one print job: `?cards=DC1-…,DC1-…`, each card's front and back.
                let actor = try context.actor(core)
                let numbers = try (Input.query("cards", request) ?? "").split(separator: ",").prefix(100).map {
                    try CardNumber(String($0).trimmingCharacters(in: .whitespaces))
                }
                guard !numbers.isEmpty else { throw CoreError.invalid("cards", zh: "请选择要打印的出入证", en: "choose the cards to print") }
                let badges = try await Offload.cpu { try numbers.map { try core.cards.renderBadge($0, by: actor) } }
                let page = Page(Bilingual(zh: "批量打印胸卡（\(badges.count)）", en: "Badges to print (\(badges.count))"), request, context, core)
                return page.render(
                    "badge", ["badges": badges.enumerated().map { BadgeSheet($1, suffix: $0 == 0 ? "" : "-\($0 + 1)") }],
                    path: "/web/badges")
            },
            APIRoute(.post, "/web/cards/{number}/lost", .signedIn, .reportCardLost) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (number, actor) = (try CardNumber(Input.text("number", context)), try context.actor(core))
                if let confirm = try confirmation(form, request, context, number: number, actor: actor, offered: \.reportLost,
                    question: Bilingual(zh: "挂失后此卡立即作废，不可恢复（C4）。确认挂失 \(number.text)？", en: "A lost card is revoked at once, for good (C4). Report \(number.text) lost?"),
                    button: Bilingual(zh: "确认挂失", en: "Yes, report it lost"), action: "lost") { return confirm }
                let card = try core.cards.reportCardLost(number, by: actor)
                return Redirect.to("/web/cards/\(card.number)?done=lost")
            },
            APIRoute(.post, "/web/cards/{number}/cancel", .signedIn, .issueCards) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (number, actor) = (try CardNumber(Input.text("number", context)), try context.actor(core))
                if let confirm = try confirmation(form, request, context, number: number, actor: actor, offered: \.cancel,
                    question: Bilingual(zh: "注销后此卡不能再用于进出。确认注销 \(number.text)？", en: "A cancelled card opens no door again. Cancel \(number.text)?"),
                    button: Bilingual(zh: "确认注销", en: "Yes, cancel it"), action: "cancel", keep: ["reason"]) { return confirm }
                let card = try core.cards.cancelCard(number, reason: form.text("reason") ?? "", by: actor)
                return Redirect.to("/web/cards/\(card.number)?done=cancelled")
            },
            APIRoute(.post, "/web/cards/{number}/return", .signedIn, .returnCards) { request, context in
                _ = try await WebForm.read(request, context, core)
                let card = try core.cards.recordCardReturn(try CardNumber(Input.text("number", context)), by: try context.actor(core))
                return Redirect.to("/web/cards/\(card.number)?done=returned")
            },
        ]
    }

    /// The confirmation step of an action that cannot be undone: the first POST (without
    /// `confirm=yes`) shows the question when the core offers the action; otherwise the action
    /// goes to the core, which refuses it with its clause.
    private func confirmation(
        _ form: WebForm, _ request: Request, _ context: AppRequestContext, number: CardNumber, actor: Actor,
        offered: KeyPath<CardOffers, Bool>, question: Bilingual, button: Bilingual, action: String, keep: [String] = []
    ) throws -> Response? {
        guard form.text("confirm") != "yes" else { return nil }
        let view = try core.cards.card(number, by: actor)
        guard core.cards.offers(view, to: actor)[keyPath: offered] else { return nil }
        let page = Page(Bilingual(zh: "请确认", en: "Please confirm"), request, context, core)
        return page.render(
            "confirm",
            ConfirmPage(
                question: page.t(question), action: "/web/cards/\(number.text)/\(action)", button: page.t(button),
                back: "/web/cards/\(number.text)",
                fields: keep.compactMap { name in form.text(name).map { HiddenField(name: name, value: $0) } }),
            path: "/web/cards/\(number.text)")
    }
}

struct ClientPage {
    let id: Int64
    let kind: String
    let code: String
    let status: StatusLabel
    let contracts: [Views.ContractRow]
    let people: [Views.PersonRow]
    let cards: [Views.CardRow]
    let mayAddContract: Bool
    let mayAddPerson: Bool
}

struct ConfirmPage {
    let question: String
    let action: String
    let button: String
    let back: String
    let fields: [HiddenField]
}

struct HiddenField {
    let name: String
    let value: String
}

/// One badge's two sides, our own renderer's SVG without its XML declaration.
struct BadgeSheet {
    let number: String
    let front: String
    let back: String
    let suffix: String

    init(_ badge: Badge, suffix: String) {
        number = badge.cardNumber
        front = Self.inline(badge.front)
        back = Self.inline(badge.back)
        self.suffix = suffix
    }

    static func inline(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }
}
