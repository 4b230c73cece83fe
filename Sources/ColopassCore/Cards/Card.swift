import Foundation
import GRDB

/// A machine-room access card (机房出入证): one holder, one client, one contract, and the signed
/// credential printed on its badge.
public struct Card: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case active, lost, cancelled, returned
    }

    public var id: Int64
    /// `DC1-000001-4`: site, sequence and a check character that catches mistyping.
    public var number: String
    public var clientId: Int64
    public var contractId: Int64
    public var personId: Int64
    /// Bumped by each reissue after a loss; credentials of older generations are denied forever.
    public var generation: Int
    public var status: Status
    public var validFrom: Date
    public var validUntil: Date
    public var keyId: Int64
    /// The QR text of the current generation.
    public var credential: String
    public var issuedAt: Date
    public var issuedBy: String
    public var lostAt: Date?
    public var lossLetter: String?
    public var cancelledAt: Date?
    public var cancelReason: String?
    /// The clause the card was cancelled under: C5 (staff change, or cancelled at the desk) or C9
    /// (its contract ended). The door names it.
    public var stopClause: ClauseID?
    public var returnedAt: Date?

    public static let databaseTableName = "card"

    /// The card expires by itself at the end of its validity, whatever its stored status.
    public func isExpired(at now: Date) -> Bool { now >= validUntil }

    /// C1: active, unexpired cards take one of the client's slots; lost, cancelled, returned and
    /// expired ones free it.
    public func occupiesSlot(at now: Date) -> Bool { status == .active && !isExpired(at: now) }

    /// C9: a card that was taken out of service while still in the holder's hands.
    public var awaitsReturn: Bool { status == .cancelled && returnedAt == nil && lostAt == nil }

    public func statusLabel(at now: Date) -> String {
        status == .active && isExpired(at: now) ? "expired" : status.rawValue
    }
}

extension Card {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let clientId = Column("client_id")
        public static let contractId = Column("contract_id")
        public static let id = Column("id")
        public static let personId = Column("person_id")
        public static let status = Column("status")
    }
}
