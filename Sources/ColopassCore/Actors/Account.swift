import Foundation
import GRDB

/// A named account: an operator of the data center, or a user bound to one client.
public struct Account: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable {
        case active, disabled
    }

    public var id: Int64
    public var name: String
    public var displayName: String
    public var role: Role
    public var clientId: Int64?
    public var status: Status
    public var passwordHash: String?
    public var createdAt: Date

    public static let databaseTableName = "account"

    /// What the audit log keeps of an account: never the password hash.
    public var redacted: Account {
        var copy = self
        copy.passwordHash = passwordHash == nil ? nil : "(set)"
        return copy
    }
}

extension Account {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let role = Column("role")
        public static let status = Column("status")
    }
}
