import Foundation
import GRDB
import GateKernel

extension Replica {
    /// The service's signed audit checkpoints as they arrive in snapshots: a gate is one more
    /// place outside the service's database that remembers how far the audit chain reached.
    static func registerAuditCheckpoints(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0007 audit checkpoints") { db in
            try db.create(table: "audit_checkpoint") { t in
                t.column("seq", .integer).notNull()
                t.column("hash", .text).notNull()
                t.column("line", .text).notNull()
                t.primaryKey(["seq", "hash"])
            }
        }
    }

    static func keep(_ checkpoint: AuditCheckpoint?, _ db: Database) throws {
        guard let checkpoint else { return }
        try db.execute(
            sql: "INSERT OR IGNORE INTO audit_checkpoint (seq, hash, line) VALUES (?, ?, ?)",
            arguments: [checkpoint.seq, checkpoint.hash, checkpoint.line])
    }

    /// Every checkpoint this gate received, oldest first, one JSON line each: what
    /// `colopass audit verify --checkpoint FILE` reads.
    public func auditCheckpointLines() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT line FROM audit_checkpoint ORDER BY seq") }
    }
}
