import GRDB

/// Append-only, numbered schema history. A shipped migration is never edited; a change is a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001 registry and audit") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "client") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull().check(sql: "kind IN ('company','individual')")
                t.column("name", .text).notNull()
                t.column("credit_code", .text).unique()
                t.column("id_type", .text)
                t.column("id_number", .text)
                t.column("status", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "client_contact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("phone", .text).notNull()
                t.column("email", .text)
            }
            try db.create(table: "contract") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("number", .text).notNull().unique()
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("starts_on", .text).notNull()
                t.column("ends_on", .text).notNull()
                t.column("status", .text).notNull()
                t.column("racks", .text).notNull()
                t.column("server_quota", .integer).notNull()
                t.column("ips_per_server", .integer)
                t.column("ports_per_server", .integer)
                t.column("created_at", .datetime).notNull()
                t.column("terminated_at", .datetime)
            }
            try db.create(table: "document") { t in
                t.primaryKey("sha256", .text)
                t.column("media_type", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("id_type", .text).notNull()
                t.column("id_number", .text).notNull()
                t.column("phone", .text).notNull()
                t.column("photo", .text).references("document")
                t.column("id_copy", .text).references("document")
                t.column("letter", .text).references("document")
                t.column("status", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("departed_at", .datetime)
            }
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique(onConflict: .abort)
                t.column("display_name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("client_id", .integer).indexed().references("client", onDelete: .restrict)
                t.column("status", .text).notNull()
                t.column("password_hash", .text)
                t.column("created_at", .datetime).notNull()
                t.check(sql: "(role = 'client_user') = (client_id IS NOT NULL)")
            }
            try db.create(table: "audit_record") { t in
                t.primaryKey("seq", .integer)
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("entity", .text).notNull()
                t.column("entity_key", .text).notNull()
                t.column("before", .text)
                t.column("after", .text)
                t.column("clause", .text)
                t.column("outcome", .text).notNull()
                t.column("prev_hash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            // The audit log is append-only inside SQLite too: no update, no delete through any shell.
            try db.execute(sql: """
                CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                """)
        }
        migrator.registerMigration("0002 signing keys and access cards") { db in
            try db.create(table: "signing_key") { t in
                t.primaryKey("id", .integer)
                t.column("public_key", .text).notNull().unique()
                t.column("status", .text).notNull().check(sql: "status IN ('active','retired')")
                t.column("created_at", .datetime).notNull()
                t.column("retired_at", .datetime)
            }
            try db.create(
                index: "signing_key_one_active", on: "signing_key", columns: ["status"], unique: true,
                condition: Column("status") == "active")
            try db.create(table: "card") { t in
                t.primaryKey("id", .integer)
                t.column("number", .text).notNull().unique()
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("contract_id", .integer).notNull().indexed().references("contract", onDelete: .restrict)
                t.column("person_id", .integer).notNull().indexed().references("person", onDelete: .restrict)
                t.column("generation", .integer).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('active','lost','cancelled','returned')")
                t.column("valid_from", .datetime).notNull()
                t.column("valid_until", .datetime).notNull()
                t.column("key_id", .integer).notNull().references("signing_key")
                t.column("credential", .text).notNull()
                t.column("issued_at", .datetime).notNull()
                t.column("issued_by", .text).notNull()
                t.column("lost_at", .datetime)
                t.column("loss_letter", .text).references("document")
                t.column("cancelled_at", .datetime)
                t.column("cancel_reason", .text)
                t.column("returned_at", .datetime)
            }
        }
        // Later areas register their own numbered migrations, in this order.
        registerPassMigrations(&migrator)
        registerEquipmentMigrations(&migrator)
        registerGateMigrations(&migrator)
        registerServerMigrations(&migrator)
        registerGateEventRowMigration(&migrator)
        registerStopClauseMigrations(&migrator)
        registerServiceDeskMigrations(&migrator)
        registerAuditCheckpointMigrations(&migrator)
        registerGateLiveMigrations(&migrator)
        registerAccountMigrations(&migrator)
        registerRosterMigrations(&migrator)
        registerOutboxMigrations(&migrator)
        registerVisitHostMigration(&migrator)
        registerListIndexMigration(&migrator)
        return migrator
    }
}
