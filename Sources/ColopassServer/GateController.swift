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
                let actor = try context.actor(core)
                let lines = try Self.inLines(Input.query("format", request))
                // Without `limit`, the whole snapshot in one piece, as gates before paging ask.
                guard let limit = try Input.queryInt("limit", request, atLeast: 1) else {
                    return try Reply.json(try core.gate.gateSnapshot(since: since, by: actor))
                }
                let wait = min(try Input.queryInt("wait", request) ?? 0, Self.longestWait)
                let through = try Input.queryInt("through", request)
                let after = try Self.position(Input.query("after", request))
                if wait > 0 { try await waitForChange(after: since, seconds: wait, actor) }
                if lines {
                    let page = try core.gate.gateSnapshotPageLines(
                        since: since, through: through, after: after, limit: Int(limit), by: actor)
                    return Reply.bytes(try page.wire(), type: SignedLines.mediaType)
                }
                return try Reply.json(
                    try core.gate.gateSnapshotPage(since: since, through: through, after: after, limit: Int(limit), by: actor))
            },
            APIRoute(.get, "/api/gate-alerts", .signedIn, .viewOccupancy) { request, context in
                try Reply.json(
                    try core.gate.gateAlerts(
                        includeAcknowledged: try Input.queryBool("all", request), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/gate-alerts/{id}/acknowledge", .signedIn, .acknowledgeGateAlerts) { _, context in
                try Reply.json(try core.gate.acknowledgeGateAlert(try Input.id("id", context), by: try context.actor(core)))
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

    /// A long poll holds a gate's request at most this long (seconds): under common proxies' idle limits.
    static let longestWait: Int64 = 30

    /// Holds a gate's request until the change log moves past `since` or `seconds` pass. The log
    /// is read, not listened to: a card reported lost through `colopass` on the command line
    /// changes the same file, and reaches the gates the same way. The task sleeps between looks,
    /// so a waiting gate holds no thread.
    func waitForChange(after since: Int64, seconds: Int64, _ actor: Actor) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try core.gate.gateChangeHead(by: actor) > since { return }
            try await Task.sleep(for: Self.lookEvery)
        }
    }

    /// How often a waiting request looks at the change log: a revocation reaches a connected gate
    /// within this and one page's round trip.
    static let lookEvery: Duration = .milliseconds(100)

    /// `format=lines`: a page in lines (`SignedLines`); `json` or none: in JSON. A snapshot in one
    /// piece (no `limit`) is JSON either way.
    static func inLines(_ text: String?) throws -> Bool {
        switch text {
        case nil, "json": false
        case "lines": true
        default: throw CoreError.invalid("format", zh: "应为 json 或 lines", en: "json or lines")
        }
    }

    /// `after=1:42`: kind, then credential id.
    static func position(_ text: String?) throws -> GateSnapshot.Position? {
        guard let text else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let kind = UInt8(parts[0]).flatMap(CredentialKind.init(rawValue:)),
            let id = UInt32(parts[1])
        else { throw CoreError.invalid("after", zh: "应为 类型:编号", en: "kind:id") }
        return GateSnapshot.Position(kind: kind, credentialId: id)
    }
}
