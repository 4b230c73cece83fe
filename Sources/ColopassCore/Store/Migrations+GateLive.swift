import GRDB

extension Migrations {
    /// The live gates: alerts the gates' events raise, and the change log read page by page.
    static func registerGateLiveMigrations(_ migrator: inout DatabaseMigrator) {
        // What the service raises from the doors' events for an operator to see and acknowledge:
        // a holder let out on a stopped credential (G3), one single-use slip honoured at two gates
        // cut off from each other (Q4, Q5). Migration 0011.
        migrator.registerMigration("0011 gate alerts") { db in
            try db.create(table: "gate_alert") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("raised_at", .datetime).notNull()
                t.column("kind", .text).notNull()
                t.column("clause", .text).notNull()
                t.column("gate", .text).notNull()
                t.column("event_id", .text).notNull()
                t.column("credential_kind", .integer)
                t.column("credential_id", .integer)
                t.column("holder_name", .text)
                t.column("zh", .text).notNull()
                t.column("en", .text).notNull()
                t.column("acknowledged_at", .datetime)
                t.column("acknowledged_by", .text)
                t.uniqueKey(["kind", "event_id"])
            }
        }
        // A full snapshot is read page by page, in credential order, from the changes up to its
        // cursor: this index lets each page start where the last one stopped. Migration 0012.
        migrator.registerMigration("0012 gate change by credential") { db in
            try db.create(index: "gate_change_by_credential", on: "gate_change", columns: ["kind", "credential_id", "seq"])
        }
    }
}
