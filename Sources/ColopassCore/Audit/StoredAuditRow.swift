import GRDB

/// An audit row read as the file holds it, column by column, trusting none of them: a row whose
/// `outcome` was edited to an unknown word, or whose text column now holds bytes or nothing,
/// still has a sequence number to name and a hash to compare, where decoding it into an
/// `AuditRecord` would have thrown.
struct StoredAuditRow {
    var seq: Int64
    /// The hashed fields in the chain's order, as stored (nil where the column is NULL).
    var at, actor, action, entity, entityKey, before, after, clause, outcome, prevHash, hash, credential: String?
    /// The first column that cannot be read as the text the chain hashed, if any.
    var unreadable: String?

    static let textColumns = [
        "at", "actor", "action", "entity", "entity_key", "before", "after", "clause", "outcome", "prev_hash", "hash",
    ]
    static let nullable: Set<String> = ["before", "after", "clause", "credential"]

    init(_ row: Row) {
        var problem: String?
        func text(_ column: String) -> String? {
            let value: DatabaseValue = row.hasColumn(column) ? row[column] : .null
            switch value.storage {
            case .string(let string): return string
            case .null:
                if !Self.nullable.contains(column), problem == nil { problem = "column \(column) is empty" }
                return nil
            case .int64(let number): return String(number)
            case .double(let number): return String(number)
            case .blob:
                if problem == nil { problem = "column \(column) holds bytes, not text" }
                return nil
            }
        }
        let seqValue: DatabaseValue = row.hasColumn("seq") ? row["seq"] : .null
        if case .int64(let number) = seqValue.storage {
            seq = number
        } else {
            seq = -1
            problem = "column seq is not a number"
        }
        at = text("at")
        actor = text("actor")
        action = text("action")
        entity = text("entity")
        entityKey = text("entity_key")
        before = text("before")
        after = text("after")
        clause = text("clause")
        outcome = text("outcome")
        prevHash = text("prev_hash")
        hash = text("hash")
        credential = text("credential")
        unreadable = problem
    }

    /// The hash the row's stored content gives, by the same rule `AuditRecord` hashes with.
    var computedHash: String? {
        guard unreadable == nil, let at, let actor, let action, let entity, let entityKey, let outcome, let prevHash
        else { return nil }
        return AuditRecord.chainHash(
            seq: seq, at: at, actor: actor, action: action, entity: entity, entityKey: entityKey, before: before,
            after: after, clause: clause, outcome: outcome, prevHash: prevHash, credential: credential)
    }

    /// Whether the row still carries the content it was hashed with.
    var matchesItsHash: Bool { computedHash != nil && computedHash == hash }

    /// The row as people read it; a column that cannot be read shows as empty.
    var entry: AuditEntry {
        AuditEntry(
            seq: seq, at: at ?? "", actor: actor ?? "", action: action ?? "", entity: entity ?? "",
            entityKey: entityKey ?? "", before: before, after: after, clause: clause, outcome: outcome ?? "",
            prevHash: prevHash ?? "", hash: hash ?? "", credential: credential, tampered: !matchesItsHash)
    }

    static func all(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> RowCursor {
        try Row.fetchCursor(db, sql: sql, arguments: arguments)
    }
}

/// An audit record as lists show it: its stored fields as text, and whether its content still
/// matches its hash (a row edited after the fact is listed, marked, never an error).
public struct AuditEntry: Sendable, Codable, Equatable {
    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityKey: String
    public var before: String?
    public var after: String?
    public var clause: String?
    public var outcome: String
    public var prevHash: String
    public var hash: String
    /// The session or token that acted ("session 12", "api token 7").
    public var credential: String?
    public var tampered: Bool
}
