import ColopassCore
import Foundation
import Hummingbird

/// Hosting clients and what hangs on each (D1, R3: a client user sees its own client only).
struct ClientsController: Sendable {
    let core: Core

    struct NewClientRequest: Decodable {
        var kind: String
        var name: String
        var creditCode: String?
        var idType: String?
        var idNumber: String?
        var contacts: [Contact]?

        struct Contact: Decodable {
            var name: String
            var phone: String
            var email: String?
        }
    }

    struct ClientDetail: Encodable {
        var client: Client
        var contacts: [ClientContact]
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/clients", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.registry.clients(by: try context.actor(core)).map(\.masked))
            },
            APIRoute(.post, "/api/clients", .signedIn, .manageClients) { request, context in
                let body = try await Input.json(NewClientRequest.self, from: request, core)
                guard let kind = Client.Kind(rawValue: body.kind) else {
                    throw CoreError.invalid("kind", zh: "应为 company 或 individual", en: "company or individual")
                }
                let client = try core.registry.addClient(
                    NewClient(
                        kind: kind, name: body.name, creditCode: body.creditCode, idType: body.idType,
                        idNumber: body.idNumber,
                        contacts: (body.contacts ?? []).map { NewContact(name: $0.name, phone: $0.phone, email: $0.email) }),
                    by: try context.actor(core))
                return try Reply.json(client.masked, status: .created)
            },
            APIRoute(.get, "/api/clients/{id}", .signedIn, .viewRegistry) { _, context in
                let found = try core.registry.client(try Input.id("id", context), by: try context.actor(core))
                return try Reply.json(ClientDetail(client: found.client.masked, contacts: found.contacts))
            },
            APIRoute(.get, "/api/clients/{id}/contracts", .signedIn, .viewRegistry) { _, context in
                let (actor, id) = try scoped(context)
                return try Reply.json(try core.registry.contracts(clientId: id, by: actor))
            },
            APIRoute(.get, "/api/clients/{id}/people", .signedIn, .viewRegistry) { _, context in
                let (actor, id) = try scoped(context)
                return try Reply.json(try core.registry.people(clientId: id, by: actor).map(\.masked))
            },
            APIRoute(.get, "/api/clients/{id}/cards", .signedIn, .viewRegistry) { _, context in
                let (actor, id) = try scoped(context)
                return try Reply.json(try core.cards.cards(clientId: id, by: actor))
            },
        ]
    }

    /// A client's lists: the client must exist and be the user's own (the core's R3 check).
    private func scoped(_ context: AppRequestContext) throws -> (Actor, Int64) {
        let actor = try context.actor(core)
        let id = try Input.id("id", context)
        _ = try core.registry.client(id, by: actor)
        return (actor, id)
    }
}
