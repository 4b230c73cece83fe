import Foundation
import GRDB

/// C1: a person's photo, ID copy and letter of introduction, opened by customer service or by the
/// person's own client; each opening audited.
extension Registry {
    public enum PersonDocument: String, CaseIterable, Sendable {
        case photo
        case idCopy = "id-copy"
        case letter
    }

    public func personDocument(_ id: Int64, _ which: PersonDocument, by actor: Actor) throws -> Evidence {
        try showDocument(which.rawValue, entity: "person", key: String(id), permission: .managePersonnel, by: actor) { db in
            let person = try Self.fetchPerson(id, db)
            let sha: String? =
                switch which {
                case .photo: person.photo
                case .idCopy: person.idCopy
                case .letter: person.letter
                }
            return (sha, person.clientId)
        }
    }
}
