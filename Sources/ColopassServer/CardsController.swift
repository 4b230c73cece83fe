import ColopassCore
import Foundation
import Hummingbird

/// Access cards (C1–C5, C8, C9) and their printable badges.
struct CardsController: Sendable {
    let core: Core

    struct IssueRequest: Decodable {
        var personId: Int64
    }

    struct ReissueRequest: Decodable {
        var lossLetter: Upload?
    }

    struct CancelRequest: Decodable {
        var reason: String
    }

    /// The files of a badge, as `colopass badge render` writes them.
    static let badgeFiles = ["front.svg", "back.svg", "qr.png", "qr.svg"]

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/cards", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.cards.cards(by: try context.actor(core)))
            },
            APIRoute(.post, "/api/cards", .signedIn, .issueCards) { request, context in
                let body = try await Input.json(IssueRequest.self, from: request, core)
                return try Reply.json(
                    try core.cards.issueCard(personId: body.personId, by: try context.actor(core)), status: .created)
            },
            APIRoute(.get, "/api/cards/{number}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.cards.card(try CardNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/cards/{number}/lost", .signedIn, .reportCardLost) { _, context in
                try Reply.json(try core.cards.reportCardLost(try CardNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/cards/{number}/reissue", .signedIn, .issueCards) { request, context in
                let body = try await Input.json(ReissueRequest.self, from: request, core)
                let (actor, number) = (try context.actor(core), try Input.text("number", context))
                let card = try Uploads.with(core, [("loss_letter", body.lossLetter)]) { files in
                    try core.cards.reissueCard(try CardNumber(number), lossLetterPath: files["loss_letter"], by: actor)
                }
                return try Reply.json(card)
            },
            APIRoute(.post, "/api/cards/{number}/cancel", .signedIn, .issueCards) { request, context in
                let body = try await Input.json(CancelRequest.self, from: request, core)
                return try Reply.json(
                    try core.cards.cancelCard(
                        try CardNumber(Input.text("number", context)), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/cards/{number}/return", .signedIn, .returnCards) { _, context in
                try Reply.json(
                    try core.cards.recordCardReturn(try CardNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/cards/{number}/badge/{file}", .signedIn, .issueCards) { _, context in
                let file = try Input.text("file", context)
                guard Self.badgeFiles.contains(file) else {
                    throw CoreError.invalid(
                        "file", zh: "应为 \(Self.badgeFiles.joined(separator: "、"))",
                        en: "one of \(Self.badgeFiles.joined(separator: ", "))")
                }
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                let badge = try await Offload.cpu { try core.cards.renderBadge(try CardNumber(number), by: actor) }
                switch file {
                case "front.svg": return Reply.text(badge.front, type: "image/svg+xml")
                case "back.svg": return Reply.text(badge.back, type: "image/svg+xml")
                case "qr.png": return Reply.bytes(badge.qrPNG, type: "image/png")
                default: return Reply.text(badge.qrSVG, type: "image/svg+xml")
                }
            },
        ]
    }
}
