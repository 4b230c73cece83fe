import Foundation
import GRDB

extension AuditTrail {
    /// What `audit verify` found: the walk of the chain, the checkpoints it was held to, and the
    /// checkpoint it signed when everything held.
    public struct Verification: Sendable {
        public var checked: Int
        public var firstBreak: AuditLog.Break?
        /// The last record that held.
        public var headSeq: Int64
        /// The newest signed checkpoint the chain was checked against (database, file or given).
        public var anchor: AuditCheckpoint?
        public var checkpointsChecked: Int
        /// Checkpoints that could not be trusted, each with where it came from and why: a copy
        /// whose signature fails, or signed by a key this database does not know (itself a sign
        /// the database is older than the checkpoint).
        public var rejectedCheckpoints: [String]
        /// Signed by this verification (an intact chain whose head moved).
        public var signed: AuditCheckpoint?

        public var intact: Bool { firstBreak == nil && rejectedCheckpoints.isEmpty }
    }

    /// Walks the whole chain, names the first record that does not match, and holds it to every
    /// checkpoint found in the database, in the file beside it and in `extra` (a gate's copies);
    /// a deleted tail or an older copy of the database shows as the records it lacks. An intact
    /// chain's head is then signed as a new checkpoint.
    public func verifyAudit(
        by actor: Actor, extra: [(source: String, text: String)] = [], sign: Bool = true
    ) throws -> Verification {
        let fileText = (try? String(contentsOfFile: checkpointFilePath, encoding: .utf8)) ?? ""
        var verification = try read(actor, .viewAudit) { db in
            var rejected: [String] = []
            var trusted: [AuditCheckpoint] = []
            let stored = try Self.storedCheckpoints(db)
            rejected += stored.unreadable.map { "database checkpoint \($0): unreadable" }
            for checkpoint in stored.found { try admit(checkpoint, from: "database", into: &trusted, &rejected, db) }
            var sources = [(source: "file \(checkpointFilePath)", text: fileText)]
            sources += extra
            for (source, text) in sources {
                let parsed = AuditCheckpoint.parse(text)
                rejected += parsed.unreadableLines.map { "\(source) line \($0): unreadable" }
                for checkpoint in parsed.checkpoints { try admit(checkpoint, from: source, into: &trusted, &rejected, db) }
            }
            let walk = try AuditLog.verify(db, against: trusted)
            return Verification(
                checked: walk.checked, firstBreak: walk.firstBreak, headSeq: walk.head?.seq ?? 0,
                anchor: trusted.max { $0.seq < $1.seq }, checkpointsChecked: trusted.count,
                rejectedCheckpoints: rejected, signed: nil)
        }
        if sign, verification.intact, let head = try lastRecord(seq: verification.headSeq) {
            // A site restored without its keys verifies but cannot sign: that is no broken chain.
            do {
                verification.signed = try signVerifiedHead(head)
            } catch {
                logger.error("could not sign an audit checkpoint: \(error)")
            }
        }
        return verification
    }

    private func lastRecord(seq: Int64) throws -> (seq: Int64, hash: String)? {
        guard seq > 0 else { return nil }
        return try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT hash FROM audit_record WHERE seq = ?", arguments: [seq])
                .map { (seq, $0) }
        }
    }

    /// A checkpoint counts if it is this site's and signed by a key the database knows.
    private func admit(
        _ checkpoint: AuditCheckpoint, from source: String, into trusted: inout [AuditCheckpoint],
        _ rejected: inout [String], _ db: Database
    ) throws {
        let name = "\(source) checkpoint of record \(checkpoint.seq) (\(checkpoint.signedAt))"
        guard checkpoint.site == policy.site.code else {
            rejected.append("\(name): another site's (\(checkpoint.site))")
            return
        }
        // A key the database does not know may still be on disk (a database put back to a copy
        // older than the key): its private file vouches for the checkpoint all the same.
        let onDisk = try? keyring.privateKey(checkpoint.keyId).publicKey
        guard let key = try keyring.publicKey(checkpoint.keyId, in: db) ?? onDisk else {
            rejected.append(
                "\(name): signed by key \(checkpoint.keyId), which this database does not know (an older copy of the database?)")
            return
        }
        guard checkpoint.isSigned(by: key) else {
            rejected.append("\(name): the signature does not match")
            return
        }
        if !trusted.contains(checkpoint) { trusted.append(checkpoint) }
    }

    /// The most recent records, read leniently: a row edited after the fact is listed and
    /// marked `tampered`, never an error.
    public func auditRecords(
        entity: String? = nil, key: String? = nil, limit: Int = 100, by actor: Actor
    ) throws -> [AuditEntry] {
        try read(actor, .viewAudit) { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let entity {
                conditions.append("entity = ?")
                _ = arguments.append(contentsOf: [entity])
            }
            if let key {
                conditions.append("entity_key = ?")
                _ = arguments.append(contentsOf: [key])
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            _ = arguments.append(contentsOf: [limit])
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_record \(filter) ORDER BY seq DESC LIMIT ?", arguments: arguments)
            return rows.reversed().map { StoredAuditRow($0).entry }
        }
    }
}
