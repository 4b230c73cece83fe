import Foundation
import GRDB

public struct NewPerson: Sendable {
    public var clientId: Int64
    public var name: String
    public var idType: String
    public var idNumber: String
    public var phone: String
    /// Paths of the photo, the ID-copy scan and the company letter (C1); each may come later.
    public var photoPath: String?
    public var idCopyPath: String?
    public var letterPath: String?

    public init(
        clientId: Int64, name: String, idType: String, idNumber: String, phone: String, photoPath: String? = nil,
        idCopyPath: String? = nil, letterPath: String? = nil
    ) {
        self.clientId = clientId
        self.name = name
        self.idType = idType
        self.idNumber = idNumber
        self.phone = phone
        self.photoPath = photoPath
        self.idCopyPath = idCopyPath
        self.letterPath = letterPath
    }
}

/// A person as shown to operators: with the flag that their client has no contract in force, so
/// customer service sees at once why a card could not be issued.
public struct PersonView: Sendable, Codable {
    public var person: Person
    public var clientHasContractInForce: Bool
}

extension Registry {
    public func addPerson(_ input: NewPerson, by actor: Actor) throws -> PersonView {
        let name = try Validate.name(input.name, field: "name")
        let document = try IDDocument.parse(type: input.idType, number: input.idNumber, today: clock.now())
        let phone = try Validate.phone(input.phone)
        let photo = try input.photoPath.map { try documents.load($0, field: "photo") }
        let idCopy = try input.idCopyPath.map { try documents.load($0, field: "id_copy") }
        let letter = try input.letterPath.map { try documents.load($0, field: "letter") }

        return try perform(actor, .managePersonnel, action: "person.add") { tx in
            try tx.requireOwnClient(input.clientId)
            // A client adds its people through its administrator, as it manages the rest of its roster.
            try tx.requireClientAdmin()
            let client = try Self.fetchClient(input.clientId, tx.db)
            let duplicate = try Person.filter(
                Person.Columns.clientId == client.id && Person.Columns.idType == document.type.rawValue
                    && Person.Columns.idNumber == document.number && Person.Columns.status == Person.Status.active.rawValue
            ).fetchCount(tx.db)
            guard duplicate == 0 else {
                throw policy.refusal(
                    D1.unique, zh: "该证件已在本客户下登记", en: "this ID document is already registered for the client")
            }
            let store = { (file: (bytes: [UInt8], type: DocumentStore.MediaType)?) in
                try file.map { try self.documents.store($0.bytes, type: $0.type, in: tx.db, at: tx.now) }
            }
            let files: [(DocumentReview.Kind, String?)] = [
                (.photo, try store(photo)), (.idCopy, try store(idCopy)), (.letter, try store(letter)),
            ]
            // A client's documents wait for the desk; the desk's own are approved as it adds them.
            let reviewed = tx.actor.role == .clientUser
            let approved = { (kind: DocumentReview.Kind) in reviewed ? nil : files.first { $0.0 == kind }?.1 }
            let person = Person(
                id: try Store.nextID(of: Person.databaseTableName, in: tx.db), clientId: client.id, name: name,
                idType: document.type, idNumber: document.number, phone: phone, photo: approved(.photo),
                idCopy: approved(.idCopy), letter: approved(.letter), status: .active, createdAt: tx.now,
                departedAt: nil)
            try person.insert(tx.db)
            try tx.audit("person.add", "person", key: String(person.id), after: person.masked)
            if reviewed {
                for case (let kind, let sha?) in files { _ = try submitForReview(sha, kind: kind, person: person, in: tx) }
            }
            let inForce = try Self.contractInForce(clientId: client.id, on: tx.today, tx.db) != nil
            return PersonView(person: person, clientHasContractInForce: inForce)
        }
    }

    /// Adds or replaces a person's photo, ID copy or letter: each is needed before a card (C1).
    public func attachDocuments(
        personId: Int64, photoPath: String?, idCopyPath: String?, letterPath: String?, by actor: Actor
    ) throws -> Person {
        let photo = try photoPath.map { try documents.load($0, field: "photo") }
        let idCopy = try idCopyPath.map { try documents.load($0, field: "id_copy") }
        let letter = try letterPath.map { try documents.load($0, field: "letter") }
        return try perform(actor, .managePersonnel, action: "person.documents") { tx in
            let before = try Self.fetchPerson(personId, tx.db)
            try tx.requireOwnClient(before.clientId)
            let files: [(DocumentReview.Kind, String?)] = try [(.photo, photo), (.idCopy, idCopy), (.letter, letter)]
                .map { kind, file in
                    (kind, try file.map { try documents.store($0.bytes, type: $0.type, in: tx.db, at: tx.now) })
                }
            // A client's new photo, ID copy or letter waits for the desk: until it is approved,
            // badges and the gates keep the last approved one (the person row is not touched).
            if tx.actor.role == .clientUser {
                for case (let kind, let sha?) in files { _ = try submitForReview(sha, kind: kind, person: before, in: tx) }
                return before
            }
            var person = before
            for case (let kind, let sha?) in files {
                switch kind {
                case .photo: person.photo = sha
                case .idCopy: person.idCopy = sha
                case .letter: person.letter = sha
                }
            }
            try person.update(tx.db)
            try tx.audit("person.documents", "person", key: String(person.id), before: before.masked, after: person.masked)
            return person
        }
    }

    /// C5: a departed person's cards are cancelled in the same transaction. The person stays in
    /// the registry as history.
    public func departPerson(_ personId: Int64, by actor: Actor) throws -> (person: Person, cancelledCards: [String]) {
        try perform(actor, .managePersonnel, action: "person.depart") { tx in
            let before = try Self.fetchPerson(personId, tx.db)
            try tx.requireOwnClient(before.clientId)
            guard before.status == .active else {
                throw policy.refusal(C5.departed, zh: "此人已离职", en: "this person has already departed")
            }
            var person = before
            person.status = .departed
            person.departedAt = tx.now
            try person.update(tx.db)
            try tx.audit("person.depart", "person", key: String(person.id), before: before.masked, after: person.masked)
            let cancelled = try personDeparted(person, in: tx)
            return (person, cancelled)
        }
    }

    public func people(clientId: Int64? = nil, by actor: Actor) throws -> [PersonView] {
        try read(actor, .viewRegistry) { db in
            var request = Person.order(Person.Columns.id)
            if let clientId { request = request.filter(Person.Columns.clientId == clientId) }
            if actor.role == .clientUser { request = request.filter(Person.Columns.clientId == actor.clientId) }
            let today = self.today
            return try request.fetchAll(db).map { person in
                PersonView(
                    person: person,
                    clientHasContractInForce: try Self.contractInForce(clientId: person.clientId, on: today, db) != nil)
            }
        }
    }

    public func person(_ id: Int64, by actor: Actor) throws -> PersonView {
        let view = try read(actor, .viewRegistry) { db in
            let person = try Self.fetchPerson(id, db)
            let inForce = try Self.contractInForce(clientId: person.clientId, on: today, db) != nil
            return PersonView(person: person, clientHasContractInForce: inForce)
        }
        try requireOwnClient(actor, view.person.clientId)
        return view
    }

    static func fetchPerson(_ id: Int64, _ db: Database) throws -> Person {
        guard let person = try Person.fetchOne(db, where: "id", is: id) else {
            throw CoreError.notFound(entity: "person", key: String(id))
        }
        return person
    }
}
