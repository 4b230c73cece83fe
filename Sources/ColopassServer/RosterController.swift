import ColopassCore
import Foundation
import Hummingbird

/// A client's administrator's roster: card requests for its people (the desk decides them against
/// C1–C3) and who of them may move equipment out (Q5) and host visitors (C7).
struct RosterController: Sendable {
    let core: Core

    struct CardRequestInput: Decodable {
        var personId: Int64
    }

    struct Reason: Decodable {
        var reason: String
    }

    struct Grants: Decodable {
        var mayMove: Bool?
        var mayHost: Bool?
    }

    struct Approved: Encodable {
        var request: CardRequest
        var card: Card
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/card-requests", .signedIn, .viewRegistry) { request, context in
                let status = try Input.query("status", request).map { text in
                    guard let status = CardRequest.Status(rawValue: text) else {
                        throw CoreError.invalid("status", zh: "未知状态", en: "one of filed, approved, refused, withdrawn")
                    }
                    return status
                }
                return try Reply.json(try core.registry.cardRequests(status: status, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/card-requests", .signedIn, .managePersonnel) { request, context in
                let body = try await Input.json(CardRequestInput.self, from: request, core)
                return try Reply.json(
                    try core.registry.fileCardRequest(personId: body.personId, by: try context.actor(core)), status: .created)
            },
            APIRoute(.post, "/api/card-requests/{id}/approve", .signedIn, .issueCards) { _, context in
                let approved = try core.registry.approveCardRequest(try Input.id("id", context), by: try context.actor(core))
                return try Reply.json(Approved(request: approved.request, card: approved.card))
            },
            APIRoute(.post, "/api/card-requests/{id}/refuse", .signedIn, .issueCards) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.registry.refuseCardRequest(
                        try Input.id("id", context), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/card-requests/{id}/withdraw", .signedIn, .managePersonnel) { _, context in
                try Reply.json(try core.registry.withdrawCardRequest(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.put, "/api/people/{id}/grants", .signedIn, .managePersonnel) { request, context in
                let body = try await Input.json(Grants.self, from: request, core)
                return try Reply.json(
                    try core.registry.setGrants(
                        personId: try Input.id("id", context), PersonGrants(mayMove: body.mayMove, mayHost: body.mayHost),
                        by: try context.actor(core)).masked)
            },
        ]
    }
}
