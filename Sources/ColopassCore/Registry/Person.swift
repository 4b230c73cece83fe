import Foundation
import GRDB

/// One of a client's maintenance staff: the people who may hold cards.
public struct Person: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable {
        case active, departed
    }

    public var id: Int64
    public var clientId: Int64
    public var name: String
    public var idType: IDDocumentType
    public var idNumber: String
    public var phone: String
    /// SHA-256 of the stored photo, ID-copy scan and company letter (C1 needs all three).
    public var photo: String?
    public var idCopy: String?
    public var letter: String?
    public var status: Status
    public var createdAt: Date
    public var departedAt: Date?
    /// Granted per person by the client's administrator: may move equipment out (Q5) and may
    /// host visitors (C7).
    public var mayMove: Bool = false
    public var mayHost: Bool = false

    public static let databaseTableName = "person"

    public var maskedIDNumber: String { IDDocument.mask(idNumber) }

    /// The same person with the ID number masked: what the audit log and most screens keep.
    public var masked: Person {
        var copy = self
        copy.idNumber = maskedIDNumber
        return copy
    }
}

extension Person {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let clientId = Column("client_id")
        public static let id = Column("id")
        public static let idNumber = Column("id_number")
        public static let idType = Column("id_type")
        public static let photo = Column("photo")
        public static let status = Column("status")
    }
}
