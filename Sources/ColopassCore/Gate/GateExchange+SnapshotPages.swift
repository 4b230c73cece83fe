import Foundation
import GRDB

extension GateExchange {
    /// Most entries one page carries: a few MiB of JSON, whatever the site's size.
    public static let snapshotPageLimit = 5_000

    /// One page of the entries changed in `(since, through]`, in credential order after `after`,
    /// signed like any snapshot. `through` is the cursor the first page fixed (nil: the head now),
    /// so every page of one snapshot reads the same changes; `next` says where the following page
    /// starts, nil on the last. No page holds more than `limit` entries, so neither the service
    /// nor the gate ever holds a whole site's snapshot in memory.
    public func gateSnapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, by actor: Actor
    ) throws -> SignedSnapshot {
        let (snapshot, signers) = try snapshotPage(since: since, through: through, after: after, limit: limit, by: actor)
        return try SignedSnapshot(snapshot, signedBy: signers)
    }

    /// The same page in lines (`SignedLines`): what `gate-check` asks for, a third of the bytes
    /// of JSON and read without a JSON parser.
    public func gateSnapshotPageLines(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, by actor: Actor
    ) throws -> SignedLines {
        let (snapshot, signers) = try snapshotPage(since: since, through: through, after: after, limit: limit, by: actor)
        return try SignedLines(snapshot, signedBy: signers)
    }

    private func snapshotPage(
        since: Int64, through: Int64?, after: GateSnapshot.Position?, limit: Int, by actor: Actor
    ) throws -> (GateSnapshot, [(Int64, Ed25519PrivateKey)]) {
        try authorize(actor, .operateGate)
        let limit = max(1, min(limit, Self.snapshotPageLimit))
        let now = clock.now()
        let (snapshot, signers) = try store.pool.read { db -> (GateSnapshot, [(Int64, Ed25519PrivateKey)]) in
            let head = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM gate_change") ?? 0
            let cursor = min(through ?? head, head)
            let keys = try Self.changedKeys(since: since, through: cursor, after: after, limit: limit + 1, db)
            let page = Array(keys.prefix(limit))
            let entries = try GateEntries.entries(page, in: db)
            let signing = try SigningKey.order(SigningKey.Columns.id).fetchAll(db)
            var snapshot = GateSnapshot(
                generatedAt: now, since: since, cursor: cursor, rules: GateSnapshot.Rules(policy),
                keys: signing.map { .init(id: $0.id, publicKey: $0.publicKey, status: $0.status.rawValue) },
                entries: entries)
            snapshot.after = after
            snapshot.next = keys.count > limit ? page.last.map { GateSnapshot.Position(kind: $0.0, credentialId: UInt32($0.1)) } : nil
            // The last page carries the newest audit checkpoint, as a snapshot in one piece does.
            if snapshot.next == nil { snapshot.auditCheckpoint = try AuditTrail.newestStoredCheckpoint(db) }
            return (snapshot, try keyring.heldKeys(signing.map(\.id)))
        }
        return (snapshot, signers)
    }

    /// The newest change's number: a gate holding it has nothing to fetch.
    public func gateChangeHead(by actor: Actor) throws -> Int64 {
        try read(actor, .operateGate) { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM gate_change") ?? 0
        }
    }

    /// The credentials changed in `(since, through]` after `after`, in (kind, id) order. A delta is
    /// a short range of the log, read by its sequence; the whole log (a first sync) is walked
    /// along the (kind, credential, seq) index, so each page starts where the last one stopped.
    static func changedKeys(
        since: Int64, through: Int64, after: GateSnapshot.Position?, limit: Int, _ db: Database
    ) throws -> [(CredentialKind, Int64)] {
        let start = (Int(after?.kind.rawValue ?? 0), Int64(after?.credentialId ?? 0))
        let rows: RowCursor
        if since == 0 {
            rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT kind, credential_id FROM gate_change INDEXED BY gate_change_by_credential
                    WHERE (kind, credential_id) > (?, ?) AND seq <= ?
                    GROUP BY kind, credential_id ORDER BY kind, credential_id LIMIT ?
                    """, arguments: [start.0, start.1, through, limit])
        } else {
            rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT kind, credential_id FROM gate_change WHERE seq > ? AND seq <= ?
                    AND (kind, credential_id) > (?, ?)
                    GROUP BY kind, credential_id ORDER BY kind, credential_id LIMIT ?
                    """, arguments: [since, through, start.0, start.1, limit])
        }
        // Read by position from the statement: a look-up by name lowercases the name at every row.
        var keys: [(CredentialKind, Int64)] = []
        keys.reserveCapacity(limit)
        while let row = try rows.next() {
            if let kind = CredentialKind(rawValue: row[0]) { keys.append((kind, row[1])) }
        }
        return keys
    }
}
