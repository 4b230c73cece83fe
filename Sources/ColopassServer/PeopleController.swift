import ColopassCore
import Foundation
import Hummingbird

/// Clients' maintenance staff, with their photo, ID copy and company letter (C1, C5).
struct PeopleController: Sendable {
    let core: Core

    struct NewPersonRequest: Decodable {
        var clientId: Int64
        var name: String
        var idType: String?
        var idNumber: String
        var phone: String
        var photo: Upload?
        var idCopy: Upload?
        var letter: Upload?
    }

    struct DocumentsRequest: Decodable {
        var photo: Upload?
        var idCopy: Upload?
        var letter: Upload?
    }

    struct Departure: Encodable {
        var person: Person
        var cancelledCards: [String]
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/people", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.registry.people(by: try context.actor(core)).map(\.masked))
            },
            APIRoute(.post, "/api/people", .signedIn, .managePersonnel) { request, context in
                let body = try await Input.json(NewPersonRequest.self, from: request, core)
                let actor = try context.actor(core)
                let view = try Uploads.with(
                    core, [("photo", body.photo), ("id_copy", body.idCopy), ("letter", body.letter)]
                ) { files in
                    try core.registry.addPerson(
                        NewPerson(
                            clientId: body.clientId, name: body.name, idType: body.idType ?? "resident_id",
                            idNumber: body.idNumber, phone: body.phone, photoPath: files["photo"],
                            idCopyPath: files["id_copy"], letterPath: files["letter"]),
                        by: actor)
                }
                return try Reply.json(view.masked, status: .created)
            },
            APIRoute(.get, "/api/people/{id}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.registry.person(try Input.id("id", context), by: try context.actor(core)).masked)
            },
            APIRoute(.get, "/api/people/{id}/photo", .signedIn, .viewRegistry) { _, context in
                let view = try core.registry.person(try Input.id("id", context), by: try context.actor(core))
                guard let sha = view.person.photo,
                    let data = FileManager.default.contents(atPath: core.documents.path(of: sha))
                else { throw CoreError.notFound(entity: "photo", key: String(view.person.id)) }
                return Reply.bytes(data, type: MediaSniff.type(of: Array(data.prefix(8))))
            },
            APIRoute(.post, "/api/people/{id}/documents", .signedIn, .managePersonnel) { request, context in
                let body = try await Input.json(DocumentsRequest.self, from: request, core)
                let (actor, id) = (try context.actor(core), try Input.id("id", context))
                let person = try Uploads.with(
                    core, [("photo", body.photo), ("id_copy", body.idCopy), ("letter", body.letter)]
                ) { files in
                    try core.registry.attachDocuments(
                        personId: id, photoPath: files["photo"], idCopyPath: files["id_copy"],
                        letterPath: files["letter"], by: actor)
                }
                return try Reply.json(person.masked)
            },
            APIRoute(.post, "/api/people/{id}/depart", .signedIn, .managePersonnel) { _, context in
                let departed = try core.registry.departPerson(try Input.id("id", context), by: try context.actor(core))
                return try Reply.json(
                    Departure(person: departed.person.masked, cancelledCards: departed.cancelledCards))
            },
        ]
    }
}

/// The media type of stored bytes, as the document store sniffed them on the way in.
enum MediaSniff {
    static func type(of head: [UInt8]) -> String {
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        return "application/octet-stream"
    }
}
