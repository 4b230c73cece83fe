import Foundation
import GRDB

/// An exit slip (出门条): the signed credential that lets the listed equipment out with the
/// listed movers, on the removal date only, once (Q4, Q5). `credentialId` is the row id.
public struct ExitSlip: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case valid, used, cancelled
    }

    public var id: Int64
    public var number: String
    public var requestId: Int64
    public var clientId: Int64
    public var validOn: Day
    public var validFrom: Date
    public var validUntil: Date
    public var keyId: Int64
    /// The QR text.
    public var credential: String
    public var status: Status
    public var issuedAt: Date
    public var issuedBy: String
    public var usedAt: Date?
    public var usedBy: String?
    public var cancelledAt: Date?
    public var cancelReason: String?
    /// The clause the slip was voided under: Q4 or Q5 (the removal withdrawn) or C9 (contract end).
    public var stopClause: ClauseID?
    /// Every change stamps this, so a gate can pull only what changed since its last sync.
    public var updatedAt: Date

    public static let databaseTableName = "exit_slip"
}

extension ExitSlip {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let requestId = Column("request_id")
        public static let status = Column("status")
    }
}
