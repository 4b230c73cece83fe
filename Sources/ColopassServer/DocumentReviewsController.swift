import ColopassCore
import Foundation
import Hummingbird

/// The desk's queue of documents clients supplied (C1): nothing in it reaches a badge or a gate
/// until customer service approves it.
struct DocumentReviewsController: Sendable {
    let core: Core

    struct Reason: Decodable {
        var reason: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/document-reviews", .signedIn, .viewRegistry) { request, context in
                let status = try Input.query("status", request).map { text -> DocumentReview.Status? in
                    if text == "all" { return nil }
                    guard let status = DocumentReview.Status(rawValue: text) else {
                        throw CoreError.invalid(
                            "status", zh: "未知状态", en: "one of pending, approved, refused, superseded, all")
                    }
                    return status
                } ?? .pending
                return try Reply.json(try core.registry.documentReviews(status: status, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/document-reviews/{id}/file", .signedIn, .viewRegistry) { _, context in
                let (view, path) = try core.registry.documentUnderReview(
                    try Input.id("id", context), by: try context.actor(core))
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CoreError.notFound(entity: "document", key: view.review.sha256)
                }
                return Reply.bytes(data, type: MediaSniff.type(of: Array(data.prefix(8))))
            },
            APIRoute(.post, "/api/document-reviews/{id}/approve", .signedIn, .reviewDocuments) { _, context in
                try Reply.json(try core.registry.approveDocument(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/document-reviews/{id}/refuse", .signedIn, .reviewDocuments) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.registry.refuseDocument(
                        try Input.id("id", context), reason: body.reason, by: try context.actor(core)))
            },
        ]
    }
}
