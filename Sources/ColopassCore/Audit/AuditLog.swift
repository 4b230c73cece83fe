import Foundation
import GRDB

/// Writes and checks the audit chain. Writers call `append` inside the same transaction as the
/// change it records, so a change and its record commit or roll back together.
public enum AuditLog {
    public struct Entry: Sendable {
        public var action: String
        public var entity: String
        public var entityKey: String
        public var before: String?
        public var after: String?
        public var clause: String?
        public var outcome: AuditRecord.Outcome

        public init(
            action: String, entity: String, entityKey: String, before: String? = nil, after: String? = nil,
            clause: String? = nil, outcome: AuditRecord.Outcome = .done
        ) {
            self.action = action
            self.entity = entity
            self.entityKey = entityKey
            self.before = before
            self.after = after
            self.clause = clause
            self.outcome = outcome
        }
    }

    @discardableResult
    static func append(_ entry: Entry, actor: Actor, at date: Date, in db: Database) throws -> AuditRecord {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
        var record = AuditRecord(
            seq: (last?["seq"] as Int64? ?? 0) + 1,
            at: timestamp(date), actor: actor.name, action: entry.action, entity: entry.entity,
            entityKey: entry.entityKey, before: entry.before, after: entry.after, clause: entry.clause,
            outcome: entry.outcome, prevHash: last?["hash"] ?? AuditRecord.genesisHash, hash: "")
        record.hash = record.computedHash
        try record.insert(db)
        return record
    }

    /// The first record that does not match the chain, or nil when every link holds.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64
        public var reason: String
        public var description: String { "audit record \(seq): \(reason)" }
    }

    public static func verify(_ db: Database) throws -> (checked: Int, firstBreak: Break?) {
        var expectedSeq: Int64 = 1
        var previous = AuditRecord.genesisHash
        var checked = 0
        let cursor = try AuditRecord.order(AuditRecord.Columns.seq).fetchCursor(db)
        while let record = try cursor.next() {
            checked += 1
            if record.seq != expectedSeq {
                return (checked, Break(seq: expectedSeq, reason: "missing (next present is \(record.seq))"))
            }
            if record.prevHash != previous {
                return (checked, Break(seq: record.seq, reason: "does not link to the record before it"))
            }
            if record.computedHash != record.hash {
                return (checked, Break(seq: record.seq, reason: "content does not match its hash"))
            }
            previous = record.hash
            expectedSeq += 1
        }
        return (checked, nil)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }
}
