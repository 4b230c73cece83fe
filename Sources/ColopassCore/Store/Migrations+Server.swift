import GRDB

extension Migrations {
    /// Sign-in: sessions, API and gate tokens, throttling: migration 0006.
    static func registerServerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0006 sign-in") { db in
            // Sessions (from a password sign-in), API tokens and gate tokens. Only the SHA-256 of a
            // token is kept: a copy of the database opens no door and signs no one in.
            try db.create(table: "auth_token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("token_hash", .text).notNull().unique()
                t.column("kind", .text).notNull().check(sql: "kind IN ('session','api','gate')")
                t.column("account_id", .integer).notNull().indexed().references("account", onDelete: .restrict)
                t.column("label", .text)
                t.column("created_at", .datetime).notNull()
                t.column("created_by", .text).notNull()
                t.column("expires_at", .datetime)
                t.column("revoked_at", .datetime)
            }
            // R1: failed sign-ins, by account and by client address, counted over the lock-out window.
            try db.create(table: "signin_failure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("subject", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "signin_failure_subject_at", on: "signin_failure", columns: ["subject", "at"])
        }
    }
}
