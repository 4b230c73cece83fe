import GRDB

extension Migrations {
    /// Temporary entry requests, emergency entries and their passes (C6, C7): migration 0003.
    static func registerPassMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0003 temporary and emergency entry") { db in
            try db.create(table: "visit_request") { t in
                t.primaryKey("id", .integer)
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("contract_id", .integer).notNull().indexed().references("contract", onDelete: .restrict)
                t.column("reason", .text).notNull()
                t.column("window_start", .datetime).notNull()
                t.column("window_end", .datetime).notNull()
                t.column("letter", .text).notNull().references("document")
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('filed','approved','rejected','cancelled')")
                t.column("requested_by", .text).notNull()
                t.column("requested_at", .datetime).notNull()
                t.column("decided_by", .text)
                t.column("decided_at", .datetime)
                t.column("decision_reason", .text)
                t.column("updated_at", .datetime).notNull()
                t.check(sql: "window_end > window_start")
            }
            try db.create(table: "visit_visitor") { t in
                t.primaryKey("id", .integer)
                t.column("request_id", .integer).notNull().indexed().references("visit_request", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("id_type", .text).notNull()
                t.column("id_number", .text).notNull()
                t.uniqueKey(["request_id", "id_type", "id_number"])
            }
            try db.create(table: "emergency_entry") { t in
                t.primaryKey("id", .integer)
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("reason", .text).notNull()
                t.column("reported_by", .text)
                t.column("window_start", .datetime).notNull()
                t.column("window_end", .datetime).notNull()
                t.column("approved_by", .text).notNull()
                t.column("approved_at", .datetime).notNull()
                t.column("reviewed_by", .text)
                t.column("reviewed_at", .datetime).indexed()
                t.column("review_note", .text)
                t.column("updated_at", .datetime).notNull()
                t.check(sql: "window_end > window_start")
            }
            for (table, parent) in [("temporary_pass", "visit_request"), ("emergency_pass", "emergency_entry")] {
                try db.create(table: table) { t in
                    t.primaryKey("id", .integer)
                    t.column("number", .text).notNull().unique()
                    t.column("request_id", .integer).notNull().indexed().references(parent, onDelete: .restrict)
                    t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                    // Temporary passes hang on the contract in force (C7); emergencies need none (C6).
                    t.column("contract_id", .integer).indexed().references("contract", onDelete: .restrict)
                    t.column("visitor_name", .text).notNull()
                    t.column("id_type", .text).notNull()
                    t.column("id_number", .text).notNull()
                    t.column("status", .text).notNull().check(sql: "status IN ('active','revoked')")
                    t.column("escort_required", .boolean).notNull()
                    t.column("valid_from", .datetime).notNull()
                    t.column("valid_until", .datetime).notNull()
                    t.column("key_id", .integer).notNull().references("signing_key")
                    t.column("credential", .text).notNull()
                    t.column("issued_at", .datetime).notNull()
                    t.column("issued_by", .text).notNull()
                    t.column("revoked_at", .datetime)
                    t.column("revoke_reason", .text)
                    // Only emergency passes are checked by hand at the door (C6); always null on temporary passes.
                    t.column("id_confirmed_by", .text)
                    t.column("id_confirmed_at", .datetime)
                    // The gate pulls what changed since its last sync.
                    t.column("updated_at", .datetime).notNull().indexed()
                }
            }
            // R4: the visitor log. Rows copy the name and masked ID so the log reads on its own
            // (and exports) without joining back to requests; the full number never lands here.
            try db.create(table: "visit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull().indexed()
                t.column("event", .text).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('temporary','emergency')")
                t.column("request_id", .integer).notNull()
                t.column("pass_id", .integer)
                t.column("pass_number", .text)
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("visitor_name", .text).notNull()
                t.column("id_type", .text).notNull()
                t.column("id_masked", .text).notNull()
                t.column("gate", .text)
                t.column("recorded_by", .text).notNull()
            }
        }
    }
}
