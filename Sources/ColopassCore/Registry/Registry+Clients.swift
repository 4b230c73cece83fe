import Foundation
import GRDB

public struct NewClient: Sendable {
    public var kind: Client.Kind
    public var name: String
    public var creditCode: String?
    public var idType: String?
    public var idNumber: String?
    public var contacts: [NewContact]

    public init(
        kind: Client.Kind, name: String, creditCode: String? = nil, idType: String? = nil, idNumber: String? = nil,
        contacts: [NewContact] = []
    ) {
        self.kind = kind
        self.name = name
        self.creditCode = creditCode
        self.idType = idType
        self.idNumber = idNumber
        self.contacts = contacts
    }
}

public struct NewContact: Sendable {
    public var name: String
    public var phone: String
    public var email: String?

    public init(name: String, phone: String, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

extension Registry {
    public func addClient(_ input: NewClient, by actor: Actor) throws -> Client {
        let name = try Validate.name(input.name, field: "name")
        var creditCode: String?
        var document: IDDocument?
        switch input.kind {
        case .company:
            guard let code = input.creditCode else {
                throw CoreError.invalid("credit_code", zh: "公司客户须提供统一社会信用代码", en: "a company needs its unified social credit code")
            }
            creditCode = try UnifiedSocialCreditCode(code).value
        case .individual:
            guard let type = input.idType, let number = input.idNumber else {
                throw CoreError.invalid("id_number", zh: "个人客户须提供证件类型和号码", en: "an individual needs an ID document type and number")
            }
            document = try IDDocument.parse(type: type, number: number, today: clock.now())
        }
        let contacts = try input.contacts.map { contact in
            NewContact(
                name: try Validate.name(contact.name, field: "contact.name"),
                phone: try Validate.phone(contact.phone, field: "contact.phone"), email: contact.email)
        }

        return try perform(actor, .manageClients, action: "client.add") { tx in
            if let creditCode, try Client.filter(Client.Columns.creditCode == creditCode).fetchCount(tx.db) > 0 {
                throw policy.refusal(
                    D1.unique, zh: "统一社会信用代码 \(creditCode) 已登记", en: "credit code \(creditCode) is already registered")
            }
            let client = Client(
                id: try Store.nextID(of: Client.databaseTableName, in: tx.db), kind: input.kind, name: name, creditCode: creditCode, idType: document?.type,
                idNumber: document?.number, status: .active, createdAt: tx.now)
            try client.insert(tx.db)
            for contact in contacts {
                try ClientContact(id: nil, clientId: client.id, name: contact.name, phone: contact.phone, email: contact.email)
                    .insert(tx.db)
            }
            try tx.audit("client.add", "client", key: String(client.id), after: client.maskedForAudit)
            return client
        }
    }

    /// The clients the asker may see, by number; `limit` for a menu that only fits so many.
    public func clients(limit: Int? = nil, by actor: Actor) throws -> [Client] {
        try read(actor, .viewRegistry) { db in
            var request = Client.order(Client.Columns.id)
            if actor.role == .clientUser { request = request.filter(Client.Columns.id == actor.clientId) }
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// Clients by id and name only, for a list's filter menu: read on every page of a list, so it
    /// decodes two columns, not whole records.
    public func clientNames(limit: Int, by actor: Actor) throws -> [(id: Int64, name: String)] {
        try read(actor, .viewRegistry) { db in
            let own = actor.role == .clientUser ? " WHERE id = \(actor.clientId ?? -1)" : ""
            return try Row.fetchCursor(db, sql: "SELECT id, name FROM client\(own) ORDER BY id LIMIT ?", arguments: [limit])
                .map { (id: $0[0] as Int64, name: $0[1] as String) }.reduce(into: []) { $0.append($1) }
        }
    }

    public func client(_ id: Int64, by actor: Actor) throws -> (client: Client, contacts: [ClientContact]) {
        try requireOwnClient(actor, id)
        return try read(actor, .viewRegistry) { db in
            let client = try Self.fetchClient(id, db)
            let contacts = try ClientContact.filter(ClientContact.Columns.clientId == id).order(ClientContact.Columns.id).fetchAll(db)
            return (client, contacts)
        }
    }

    static func fetchClient(_ id: Int64, _ db: Database) throws -> Client {
        guard let client = try Client.fetchOne(db, where: "id", is: id) else {
            throw CoreError.notFound(entity: "client", key: String(id))
        }
        return client
    }
}

extension Client {
    var maskedForAudit: Client {
        var copy = self
        copy.idNumber = maskedIDNumber
        return copy
    }
}
