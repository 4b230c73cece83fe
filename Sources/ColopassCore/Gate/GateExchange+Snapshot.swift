import Foundation
import GRDB

extension GateExchange {
    /// The entries changed since `since` (a cursor from an earlier snapshot; 0 for everything),
    /// signed by every site key the service holds.
    public func gateSnapshot(since: Int64, by actor: Actor) throws -> SignedSnapshot {
        try authorize(actor, .operateGate)
        let now = clock.now()
        let (snapshot, signers) = try store.pool.read { db -> (GateSnapshot, [(Int64, Ed25519PrivateKey)]) in
            let cursor = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM gate_change") ?? 0
            let changed = try Row.fetchAll(
                db, sql: "SELECT DISTINCT kind, credential_id FROM gate_change WHERE seq > ? AND seq <= ?",
                arguments: [since, cursor])
            let entries = try GateEntries.entries(
                changed.compactMap { row in CredentialKind(rawValue: row["kind"]).map { ($0, row["credential_id"]) } }, in: db)
            let keys = try SigningKey.order(SigningKey.Columns.id).fetchAll(db)
            var snapshot = GateSnapshot(
                generatedAt: now, since: since, cursor: cursor,
                rules: GateSnapshot.Rules(policy),
                keys: keys.map { .init(id: $0.id, publicKey: $0.publicKey, status: $0.status.rawValue) },
                entries: entries)
            snapshot.auditCheckpoint = try AuditTrail.newestStoredCheckpoint(db)
            return (snapshot, try keyring.heldKeys(keys.map(\.id)))
        }
        return try SignedSnapshot(snapshot, signedBy: signers)
    }
}
