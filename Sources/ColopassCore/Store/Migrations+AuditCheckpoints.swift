import GRDB

extension Migrations {
    /// R4: signed checkpoints of the audit chain's head: migrations 0017 and 0018.
    static func registerAuditCheckpointMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0017 audit checkpoints") { db in
            try db.create(table: "audit_checkpoint") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("site", .text).notNull()
                t.column("seq", .integer).notNull().indexed()
                t.column("hash", .text).notNull()
                t.column("signed_at", .text).notNull()
                t.column("key_id", .integer).notNull()
                t.column("signature", .text).notNull()
            }
            // Append-only like the chain it vouches for.
            try db.execute(sql: """
                CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
                BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
                BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                """)
        }
        // R4: which session or token acted, beside the account's name.
        migrator.registerMigration("0018 audit credential") { db in
            try db.alter(table: "audit_record") { t in t.add(column: "credential", .text) }
        }
    }
}
