import ColopassCore
import Foundation
import Hummingbird

/// Temporary entry (C7): clients file with the sealed letter, customer service decides.
struct VisitsController: Sendable {
    let core: Core

    struct Visitor: Decodable {
        var name: String
        var idType: String?
        var idNumber: String

        var core: NewVisitor { NewVisitor(name: name, idType: idType ?? "resident_id", idNumber: idNumber) }
    }

    struct FileRequest: Decodable {
        var clientId: Int64
        var reason: String
        /// Site time `YYYY-MM-DD HH:MM`, or ISO 8601 with a zone.
        var windowStart: String
        var windowEnd: String
        var visitors: [Visitor]
        var letter: Upload?
        /// C7: the client's person hosting the visitors (granted may-host).
        var hostPersonId: Int64?
    }

    struct Reason: Decodable {
        var reason: String?
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/visit-requests", .signedIn, .viewRegistry) { request, context in
                let status = try Input.query("status", request).map { text in
                    guard let status = VisitRequest.Status(rawValue: text) else {
                        throw CoreError.invalid(
                            "status", zh: "未知状态",
                            en: "one of \(VisitRequest.Status.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return status
                }
                return try Reply.json(
                    try core.passes.visitRequests(
                        clientId: try Input.queryInt("client", request, atLeast: 1), status: status,
                        by: try context.actor(core)))
            },
            APIRoute(.post, "/api/visit-requests", .signedIn, .fileVisitRequest) { request, context in
                let body = try await Input.json(FileRequest.self, from: request, core)
                let actor = try context.actor(core)
                let zone = core.policy.site.timeZone
                let start = try EntryWindow.parse(body.windowStart, field: "window_start", in: zone)
                let end = try EntryWindow.parse(body.windowEnd, field: "window_end", in: zone)
                let view = try Uploads.with(core, [("letter", body.letter)]) { files in
                    try core.passes.fileVisitRequest(
                        NewVisitRequest(
                            clientId: body.clientId, reason: body.reason, windowStart: start, windowEnd: end,
                            visitors: body.visitors.map(\.core), letterPath: files["letter"], hostPersonId: body.hostPersonId),
                        by: actor)
                }
                return try Reply.json(view, status: .created)
            },
            APIRoute(.get, "/api/visit-requests/{id}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.passes.visitRequest(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/visit-requests/{id}/approve", .signedIn, .decideVisitRequest) { _, context in
                try Reply.json(
                    try core.passes.approveVisitRequest(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/visit-requests/{id}/reject", .signedIn, .decideVisitRequest) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.passes.rejectVisitRequest(
                        try Input.id("id", context), reason: body.reason ?? "", by: try context.actor(core)))
            },
            APIRoute(.post, "/api/visit-requests/{id}/cancel", .signedIn, .fileVisitRequest) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.passes.cancelVisitRequest(
                        try Input.id("id", context), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/visit-requests/{id}/slips", .signedIn, .fileVisitRequest) { _, context in
                let (id, actor) = (try Input.id("id", context), try context.actor(core))
                let slips = try await Offload.cpu { try core.passes.temporaryPassSlips(requestId: id, by: actor) }
                return try Reply.json(slips.map(SlipJSON.init))
            },
        ]
    }
}

/// A printable A6 slip: the SVG to print, and its QR as PNG (base64) and SVG.
struct SlipJSON: Encodable {
    var number: String
    var svg: String
    var qrPngBase64: String
    var qrSvg: String

    init(_ slip: RenderedSlip) {
        number = slip.number
        svg = slip.svg
        qrPngBase64 = Data(slip.qrPNG).base64EncodedString()
        qrSvg = slip.qrSVG
    }
}
