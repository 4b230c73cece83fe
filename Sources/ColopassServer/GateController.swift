import ColopassCore
import Foundation
import Hummingbird

/// What a gate pulls and pushes with its bearer token (a guard account, `operateGate`): the
/// signed snapshot, its event queue, the holders' photos, the site's public keys.
struct GateController: Sendable {
    let core: Core

    struct Events: Decodable {
        var events: [GateEvent]
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/gate/snapshot", .gate, .operateGate) { request, context in
                let since = try Input.queryInt("since", request) ?? 0
                return try Reply.json(try core.gate.gateSnapshot(since: since, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/gate/events", .gate, .operateGate) { request, context in
                let body = try await Input.json(Events.self, from: request, core)
                return try Reply.json(try core.gate.recordGateEvents(body.events, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/gate/photos/{sha256}", .gate, .operateGate) { _, context in
                let bytes = try core.gate.gatePhoto(sha256: try Input.text("sha256", context), by: try context.actor(core))
                return Reply.bytes(bytes, type: MediaSniff.type(of: Array(bytes.prefix(8))))
            },
            APIRoute(.get, "/api/gate/keys", .gate) { _, context in
                _ = try context.actor(core)
                return try Reply.json(try core.credentials.publicKeyExport())
            },
        ]
    }
}
