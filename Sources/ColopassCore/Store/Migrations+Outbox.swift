import GRDB

extension Migrations {
    /// Notifications: who wants which events where, each event written in the transaction of the
    /// change it reports, and one delivery per event and subscription: migration 0016.
    static func registerOutboxMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0016 notification outbox") { db in
            // client_id NULL: one of the site's own (customer service's mailbox, a ticket system).
            try db.create(table: "notification_subscription") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).indexed().references("client", onDelete: .restrict)
                t.column("channel", .text).notNull().check(sql: "channel IN ('email','webhook')")
                t.column("target", .text).notNull()
                t.column("secret", .text)
                t.column("events", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('active','removed')")
                t.column("created_by", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "notification_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("type", .text).notNull()
                t.column("client_id", .integer).references("client", onDelete: .restrict)
                // A job's event (a card expiring) is made once however often the job runs.
                t.column("dedupe_key", .text).unique()
                t.column("subject", .text).notNull()
                t.column("payload", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "notification_delivery") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("event_id", .integer).notNull().indexed().references("notification_event", onDelete: .restrict)
                t.column("subscription_id", .integer).notNull().indexed()
                    .references("notification_subscription", onDelete: .restrict)
                // One delivery per event and endpoint: the receiver sees this key and can drop a repeat.
                t.column("idempotency_key", .text).notNull().unique()
                t.column("status", .text).notNull().check(sql: "status IN ('pending','delivered','failed')")
                t.column("attempts", .integer).notNull()
                t.column("next_attempt_at", .datetime).notNull()
                t.column("last_error", .text)
                t.column("delivered_at", .datetime)
            }
            try db.create(index: "notification_delivery_due", on: "notification_delivery", columns: ["status", "next_attempt_at"])
        }
    }
}
