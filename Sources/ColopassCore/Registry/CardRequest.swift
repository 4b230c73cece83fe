import Foundation
import GRDB

/// A client administrator's request for a card for one of its people. The desk decides it
/// against C1–C3 and the approved documents, as when it issues a card itself.
public struct CardRequest: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case filed, approved, refused, withdrawn
    }

    public var id: Int64
    public var personId: Int64
    public var clientId: Int64
    public var status: Status
    public var filedBy: String
    public var filedAt: Date
    public var decidedBy: String?
    public var decidedAt: Date?
    public var reason: String?
    /// The card issued on approval.
    public var cardNumber: String?

    public static let databaseTableName = "card_request"

    public enum Columns {
        public static let id = Column("id")
        public static let personId = Column("person_id")
        public static let clientId = Column("client_id")
        public static let status = Column("status")
    }
}
