import Foundation
import GRDB

/// An emergency entry approved by the data-center supervisor (C6): the client's repair staff,
/// the reason and a short window starting at approval. It stays on the review list until another
/// supervisor has looked at it afterwards. C6 names no contract: an active client is enough, since
/// an emergency on equipment still racked can come while a renewal is on paper only.
public struct EmergencyEntry: Record, Identifiable, Equatable {
    public var id: Int64
    public var clientId: Int64
    public var reason: String
    /// Who at the client raised the emergency (name, phone), as the supervisor noted it.
    public var reportedBy: String?
    public var windowStart: Date
    public var windowEnd: Date
    public var approvedBy: String
    public var approvedAt: Date
    public var reviewedBy: String?
    public var reviewedAt: Date?
    public var reviewNote: String?
    public var updatedAt: Date

    public static let databaseTableName = "emergency_entry"

    public var awaitsReview: Bool { reviewedAt == nil }
}

/// What the emergency form carries: the client, its repair staff, the reason, how long.
public struct NewEmergency: Sendable {
    public var clientId: Int64
    public var staff: [NewVisitor]
    public var reason: String
    /// The window starts at approval and lasts this long (at most the policy's maximum).
    public var hours: Double
    public var reportedBy: String?

    public init(clientId: Int64, staff: [NewVisitor], reason: String, hours: Double, reportedBy: String? = nil) {
        self.clientId = clientId
        self.staff = staff
        self.reason = reason
        self.hours = hours
        self.reportedBy = reportedBy
    }
}

extension EmergencyEntry {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let clientId = Column("client_id")
        public static let id = Column("id")
        public static let reviewedAt = Column("reviewed_at")
    }
}
