import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

extension AuditTrail {
    /// The append-only file beside the database that every signed checkpoint is added to, one
    /// JSON line each: a copy of the database put back, or a deleted tail, still meets it.
    public var checkpointFilePath: String {
        (dataDirectory as NSString).appendingPathComponent("audit/checkpoints.jsonl")
    }

    /// Signs the chain's head with the active site key, stores the checkpoint in the database
    /// and appends it to the file. Only the records written since the last checkpoint are walked
    /// first: a head that does not continue the last signed one is not signed (nil), so a
    /// tampered tail is never vouched for. Nothing to sign on an empty chain, nor when the head
    /// has not moved since the last checkpoint.
    @discardableResult
    public func signCheckpoint() throws -> AuditCheckpoint? {
        let now = clock.now()
        let signed = try store.pool.write { db -> AuditCheckpoint? in
            let last = try Self.newestStoredCheckpoint(db)
            let walk = try AuditLog.verify(db, from: last.map { ($0.seq, $0.hash) })
            guard walk.firstBreak == nil, let head = walk.head, head.seq != last?.seq else { return nil }
            return try sign(head: head, at: now, db)
        }
        if let signed { try appendToFile(signed) }
        return signed
    }

    /// After a whole walk found the chain intact up to `head`: sign it (unless already signed).
    func signVerifiedHead(_ head: (seq: Int64, hash: String)) throws -> AuditCheckpoint? {
        let now = clock.now()
        let signed = try store.pool.write { db -> AuditCheckpoint? in
            let last = try Self.newestStoredCheckpoint(db)
            if let last, last.seq >= head.seq { return nil }
            // Records written since the walk continue the head it checked.
            let walk = try AuditLog.verify(db, from: head)
            guard walk.firstBreak == nil else { return nil }
            return try sign(head: walk.head ?? head, at: now, db)
        }
        if let signed { try appendToFile(signed) }
        return signed
    }

    private func sign(head: (seq: Int64, hash: String), at now: Date, _ db: Database) throws -> AuditCheckpoint {
        var head = head
        let created = try SigningKey.fetchCount(db) == 0
        let (keyId, key) = try keyring.activeKey(in: db, now: now)
        if created {
            // The site's first key is made here, not at a first badge: it is audited as there,
            // and that record is the head signed.
            let record = try AuditLog.append(
                AuditLog.Entry(
                    action: "key.create", entity: "signing_key", entityKey: String(keyId),
                    after: AuditImage.of(try SigningKey.fetchOne(db, key: keyId))),
                actor: .system, at: now, in: db)
            head = (record.seq, record.hash)
        }
        let checkpoint = try AuditCheckpoint.sign(
            site: policy.site.code, seq: head.seq, hash: head.hash, signedAt: AuditLog.timestamp(now), keyId: keyId,
            key: key)
        try db.execute(
            sql: """
                INSERT INTO audit_checkpoint (site, seq, hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                checkpoint.site, checkpoint.seq, checkpoint.hash, checkpoint.signedAt, checkpoint.keyId,
                checkpoint.signature,
            ])
        return checkpoint
    }

    /// O_APPEND: a line is added after whatever the file holds, never over it; fsync, so a
    /// checkpoint the database has is on disk beside it too.
    private func appendToFile(_ checkpoint: AuditCheckpoint) throws {
        let path = checkpointFilePath
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw CryptoFailure(operation: "audit checkpoint", reason: "cannot open \(path)") }
        defer { close(fd) }
        let bytes = Array((checkpoint.line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw CryptoFailure(operation: "audit checkpoint", reason: "cannot write \(path)")
        }
    }

    /// The newest checkpoint the database holds, if any (read leniently: a row edited into
    /// something unreadable counts as none).
    static func newestStoredCheckpoint(_ db: Database) throws -> AuditCheckpoint? {
        try Row.fetchOne(db, sql: "SELECT * FROM audit_checkpoint ORDER BY seq DESC, id DESC LIMIT 1")
            .flatMap(checkpoint(from:))
    }

    static func storedCheckpoints(_ db: Database) throws -> (found: [AuditCheckpoint], unreadable: [Int64]) {
        var found: [AuditCheckpoint] = []
        var unreadable: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_checkpoint ORDER BY id")
        while let row = try rows.next() {
            if let checkpoint = checkpoint(from: row) {
                found.append(checkpoint)
            } else {
                unreadable.append((row["id"] as DatabaseValue).storage.int64 ?? -1)
            }
        }
        return (found, unreadable)
    }

    private static func checkpoint(from row: Row) -> AuditCheckpoint? {
        func text(_ column: String) -> String? {
            if case .string(let value) = (row[column] as DatabaseValue).storage { return value }
            return nil
        }
        func number(_ column: String) -> Int64? { (row[column] as DatabaseValue).storage.int64 }
        guard let site = text("site"), let seq = number("seq"), let hash = text("hash"),
            let signedAt = text("signed_at"), let keyId = number("key_id"), let signature = text("signature")
        else { return nil }
        return AuditCheckpoint(site: site, seq: seq, hash: hash, signedAt: signedAt, keyId: keyId, signature: signature)
    }
}

extension DatabaseValue.Storage {
    var int64: Int64? {
        if case .int64(let value) = self { return value }
        return nil
    }
}
