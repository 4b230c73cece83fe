import Foundation
import GRDB

/// A site signing key as the database knows it: only the public half. The private half lives in
/// a 0600 file under `<data>/keys/`, never in the database, never in a backup of it.
public struct SigningKey: Record, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Signs new credentials. Exactly one key is active.
        case active
        /// No longer signs; still verifies the credentials it signed until they expire.
        case retired
    }

    public var id: Int64
    public var publicKey: String
    public var status: Status
    public var createdAt: Date
    public var retiredAt: Date?

    public static let databaseTableName = "signing_key"
}

extension SigningKey {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let id = Column("id")
        public static let status = Column("status")
    }
}
