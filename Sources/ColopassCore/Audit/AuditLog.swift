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
            outcome: entry.outcome, prevHash: last?["hash"] ?? AuditRecord.genesisHash, hash: "",
            credential: actor.credential)
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

    /// Walks the whole chain from the stored rows, decoding nothing it has to trust, and checks
    /// it reaches every checkpoint given with the hash signed there.
    /// `from`: start after a record already trusted (a checkpoint's), not at the genesis.
    public static func verify(
        _ db: Database, against checkpoints: [AuditCheckpoint] = [], from start: (seq: Int64, hash: String)? = nil
    ) throws -> ChainWalk {
        var signedAt: [Int64: AuditCheckpoint] = [:]
        for checkpoint in checkpoints where signedAt[checkpoint.seq] == nil { signedAt[checkpoint.seq] = checkpoint }
        var walk = ChainWalk()
        walk.head = start
        var expectedSeq: Int64 = (start?.seq ?? 0) + 1
        var previous = start?.hash ?? AuditRecord.genesisHash
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM audit_record WHERE seq >= ? ORDER BY seq", arguments: [expectedSeq])
        while let row = try rows.next() {
            let record = StoredAuditRow(row)
            walk.checked += 1
            if let problem = record.unreadable {
                walk.firstBreak = Break(seq: record.seq >= 0 ? record.seq : expectedSeq, reason: "unreadable: \(problem)")
                return walk
            }
            if record.seq != expectedSeq {
                walk.firstBreak = Break(seq: expectedSeq, reason: "missing (next present is \(record.seq))")
                return walk
            }
            if record.prevHash != previous {
                walk.firstBreak = Break(seq: record.seq, reason: "does not link to the record before it")
                return walk
            }
            guard record.matchesItsHash, let hash = record.hash else {
                walk.firstBreak = Break(seq: record.seq, reason: "content does not match its hash")
                return walk
            }
            if let checkpoint = signedAt[record.seq], checkpoint.hash != hash {
                walk.firstBreak = Break(
                    seq: record.seq,
                    reason: "differs from the checkpoint signed at \(checkpoint.signedAt) (rewritten, or the database was put back to another copy)")
                return walk
            }
            previous = hash
            walk.head = (record.seq, hash)
            expectedSeq += 1
        }
        let last = walk.head?.seq ?? 0
        if let newest = checkpoints.max(by: { $0.seq < $1.seq }), newest.seq > last {
            let range = newest.seq == last + 1 ? "\(newest.seq)" : "\(last + 1)–\(newest.seq)"
            walk.firstBreak = Break(
                seq: last + 1,
                reason: "missing: records \(range) were signed in the checkpoint of \(newest.signedAt) but the chain ends at \(last) (its tail was deleted, or the database was put back to an older copy)")
        }
        return walk
    }

    /// What a walk of the chain found.
    public struct ChainWalk: Sendable {
        public var checked = 0
        /// The last record that held, with its hash.
        public var head: (seq: Int64, hash: String)?
        public var firstBreak: Break?
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }
}
