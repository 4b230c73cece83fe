import Foundation
import GRDB

/// A hosting client: a company (identified by its unified social credit code) or an individual
/// (identified by an ID document).
public struct Client: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case company, individual
    }

    public enum Status: String, Codable, Sendable {
        case active, inactive
    }

    public var id: Int64
    public var kind: Kind
    public var name: String
    public var creditCode: String?
    public var idType: IDDocumentType?
    public var idNumber: String?
    public var status: Status
    public var createdAt: Date

    public static let databaseTableName = "client"

    /// The most cards this client may hold at once (C1).
    public func cardLimit(_ policy: Policy) -> Int {
        kind == .company ? policy.parameters.cardsPerCompanyClient : policy.parameters.cardsPerIndividualClient
    }

    public var maskedIDNumber: String? {
        guard let idNumber else { return nil }
        return IDDocument.mask(idNumber)
    }
}

public struct ClientContact: Record, Identifiable, Equatable {
    public var id: Int64?
    public var clientId: Int64
    public var name: String
    public var phone: String
    public var email: String?

    public static let databaseTableName = "client_contact"
}

extension Client {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let creditCode = Column("credit_code")
        public static let id = Column("id")
    }
}

extension ClientContact {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let clientId = Column("client_id")
        public static let id = Column("id")
    }
}
