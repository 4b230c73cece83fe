import Foundation
import GRDB

/// One line of the append-only, hash-chained audit log.
public struct AuditRecord: Record, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case done, refused
    }

    public var seq: Int64
    /// ISO 8601 UTC with milliseconds, kept as text so the hashed bytes are the stored bytes.
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityKey: String
    public var before: String?
    public var after: String?
    public var clause: String?
    public var outcome: Outcome
    public var prevHash: String
    public var hash: String
    /// The session or token that acted ("session 12"); nil for the system and for records
    /// written before sessions were recorded, whose hash it then does not enter.
    public var credential: String? = nil

    public static let databaseTableName = "audit_record"

    /// The genesis link: the chain starts from a fixed, known value.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// SHA-256 over every field but the hash itself, each length-prefixed so no two different
    /// records can serialise to the same bytes.
    public var computedHash: String {
        Self.chainHash(
            seq: seq, at: at, actor: actor, action: action, entity: entity, entityKey: entityKey, before: before,
            after: after, clause: clause, outcome: outcome.rawValue, prevHash: prevHash, credential: credential)
    }

    /// The one hashing rule, over the fields as stored text (a stored row that no longer decodes
    /// is hashed by it too).
    public static func chainHash(
        seq: Int64, at: String, actor: String, action: String, entity: String, entityKey: String, before: String?,
        after: String?, clause: String?, outcome: String, prevHash: String, credential: String?
    ) -> String {
        var fields: [String] = [
            String(seq), at, actor, action, entity, entityKey, before ?? "\u{0}", after ?? "\u{0}",
            clause ?? "\u{0}", outcome, prevHash,
        ]
        if let credential { fields.append(credential) }
        var bytes: [UInt8] = []
        for field in fields {
            let utf8 = Array(field.utf8)
            bytes += Array("\(utf8.count):".utf8) + utf8 + [0x0A]
        }
        return SHA256.hex(bytes)
    }
}

extension AuditRecord {
    /// The columns queries filter and sort on, named once.
    public enum Columns {
        public static let entity = Column("entity")
        public static let entityKey = Column("entity_key")
        public static let seq = Column("seq")
    }
}
