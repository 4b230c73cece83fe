import ColopassCore
import Foundation
import Hummingbird

/// The client's own roster and access log in the portal: its people with their cards and
/// grants, card requests to the desk and departures (C1, C5, Q5, C7); who of its people went
/// in and out, by person and date, with the CSV for its audits. The core keeps each to the
/// user's own client (R3) and to its administrator where the rule says so.
struct PortalRosterPages: Sendable {
    let core: Core

    struct PersonRow {
        let id: Int64
        let name: String
        let maskedID: String
        let card: String
        let mayMove: String
        let mayHost: String
        let moveChecked: Bool
        let hostChecked: Bool
        let status: StatusLabel
        let offers: RosterOffers
    }

    struct RequestRow {
        let id: Int64
        let person: String
        let filedAt: String
        let filedBy: String
        let status: StatusLabel
        let reason: String?
        let card: String
    }

    struct EntryRow {
        let time: String
        let name: String
        let gate: String
        let direction: String
        let raw: String
        let result: String
        let clause: String?
        let credential: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/portal/roster", .signedIn, .viewRegistry) { request, context in
                try roster(request, context, error: nil, status: .ok)
            },
            APIRoute(.post, "/web/portal/people/{id}/card-request", .signedIn, .managePersonnel) { request, context in
                try await act(request, context) { id, actor in _ = try core.registry.fileCardRequest(personId: id, by: actor) }
            },
            APIRoute(.post, "/web/portal/card-requests/{id}/withdraw", .signedIn, .managePersonnel) { request, context in
                try await act(request, context) { id, actor in _ = try core.registry.withdrawCardRequest(id, by: actor) }
            },
            APIRoute(.post, "/web/portal/people/{id}/grants", .signedIn, .managePersonnel) { request, context in
                let form = try await WebForm.read(request, context, core)
                return try decide(request, context) { id, actor in
                    _ = try core.registry.setGrants(
                        personId: id, PersonGrants(mayMove: form.text("may_move") != nil, mayHost: form.text("may_host") != nil),
                        by: actor)
                }
            },
            APIRoute(.post, "/web/portal/people/{id}/depart", .signedIn, .managePersonnel) { request, context in
                try await act(request, context) { id, actor in _ = try core.registry.departPerson(id, by: actor) }
            },
            APIRoute(.get, "/web/portal/access-log", .signedIn, .viewAccessLog) { request, context in
                try accessLog(request, context)
            },
            // The client prints its own exit slip (A6, with its signature boxes) to hand to the guard.
            APIRoute(.get, "/web/portal/exit-slips/{number}", .signedIn, .fileRemoval) { request, context in
                try await ExitSlipPage.render(core, request, context, own: true)
            },
        ]
    }

    /// A roster action: done, back to the roster; a rule's refusal shown on the roster.
    private func act(_ request: Request, _ context: AppRequestContext, _ action: (Int64, Actor) throws -> Void) async throws
        -> Response
    {
        _ = try await WebForm.read(request, context, core)
        return try decide(request, context, action)
    }

    private func decide(_ request: Request, _ context: AppRequestContext, _ action: (Int64, Actor) throws -> Void) throws
        -> Response
    {
        do {
            try action(try Input.id("id", context), try context.actor(core))
        } catch let error as CoreError where error.status != .forbidden {
            return try roster(request, context, error: error, status: error.status)
        }
        return Redirect.to("/web/portal/roster?done=1")
    }

    private func roster(_ request: Request, _ context: AppRequestContext, error: CoreError?, status: HTTPResponse.Status) throws
        -> Response
    {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "人员与出入证", en: "People and cards"), request, context, core)
        let cards = try core.cards.cards(by: actor)
        let requests = try core.registry.cardRequests(by: actor)
        let people = try core.registry.people(by: actor)
        let admin = try core.accounts.isClientAdmin(actor)
        let names = Dictionary(people.map { ($0.person.id, $0.person.name) }, uniquingKeysWith: { a, _ in a })
        let yes = page.t("是", "yes")
        let no = page.t("否", "no")
        var view: [String: Any] = [
            "admin": admin || actor.role != .clientUser,
            "people": people.map { v in
                let p = v.person
                let held = cards.filter { $0.card.personId == p.id && $0.card.status != .cancelled && $0.card.status != .returned }
                return PersonRow(
                    id: p.id, name: p.name, maskedID: p.maskedIDNumber,
                    card: held.map { "\($0.card.number) \(page.status($0.status).label)" }.joined(separator: "、").ifEmpty("—"),
                    mayMove: p.mayMove ? yes : no, mayHost: p.mayHost ? yes : no, moveChecked: p.mayMove, hostChecked: p.mayHost,
                    status: page.status(p.status.rawValue),
                    offers: core.registry.offers(p, cards: cards, requests: requests, to: actor, isAdmin: admin))
            },
            "requests": requests.map {
                RequestRow(
                    id: $0.id, person: names[$0.personId] ?? "#\($0.personId)", filedAt: page.time($0.filedAt), filedBy: $0.filedBy,
                    status: page.status($0.status.rawValue), reason: $0.reason, card: $0.cardNumber ?? "—")
            },
        ]
        if admin, let clientId = actor.clientId { view["addPerson"] = "/web/clients/\(clientId)/people/new" }
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("portal-roster", view, status: status, path: "/web/portal/roster")
    }

    private func accessLog(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "出入记录", en: "Access log"), request, context, core)
        let today = core.today
        let from = try Input.day("from", request, default: today.adding(days: -30))
        let to = try Input.day("to", request, default: today)
        let person = try Input.queryInt("person", request, atLeast: 1)
        // A client user's own client; an operator names one (`?client=`), else the first it sees.
        let named = try Input.queryInt("client", request, atLeast: 1)
        guard let clientId = try actor.clientId ?? named ?? core.registry.clients(by: actor).first?.id else {
            throw CoreError.invalid("client", zh: "须指定客户", en: "name the client")
        }
        let entries = try core.gate.accessLog(clientId: clientId, personId: person, from: from, to: to, by: actor)
        var csv = URLComponents()
        csv.path = "/api/clients/\(clientId)/access-log.csv"
        csv.queryItems = [URLQueryItem(name: "from", value: from.description), URLQueryItem(name: "to", value: to.description)]
            + (person.map { [URLQueryItem(name: "person", value: String($0))] } ?? [])
        let view: [String: Any] = [
            "people": try core.registry.people(clientId: clientId, by: actor).map {
                Views.Option(value: String($0.person.id), label: $0.person.name, selected: person == $0.person.id)
            },
            "from": from.description, "to": to.description, "csv": csv.string ?? "", "count": entries.count,
            "entries": entries.reversed().map {
                EntryRow(
                    time: page.time($0.at), name: $0.name, gate: $0.gate,
                    direction: $0.direction == "in" ? page.t("进", "in") : page.t("出", "out"), raw: $0.result,
                    result: $0.result == "granted" ? page.t("放行", "granted") : page.t("拒绝", "denied"), clause: $0.clause,
                    credential: $0.credential)
            },
        ]
        return page.render("portal-access-log", view, path: "/web/portal/access-log")
    }
}

extension String {
    func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
