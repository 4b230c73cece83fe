import GRDB

extension Migrations {
    /// The service desk (K1–K9): tickets, their events and fault analyses, account managers
    /// (0013); follow-up calls, needs surveys and the holiday duty roster (0014).
    static func registerServiceDeskMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0013 tickets") { db in
            try db.create(table: "account_manager") { t in
                t.primaryKey("client_id", .integer).references("client", onDelete: .restrict)
                t.column("account", .text).notNull().indexed()
                t.column("assigned_at", .datetime).notNull()
                t.column("assigned_by", .text).notNull()
            }
            try db.create(table: "ticket") { t in
                t.primaryKey("id", .integer)
                t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
                t.column("kind", .text).notNull().check(sql: "kind IN ('request','complaint','fault')")
                t.column("channel", .text).notNull().check(sql: "channel IN ('phone','walk_in','portal','email')")
                t.column("subject", .text).notNull()
                t.column("state", .text).notNull().check(sql: "state IN ('open','answered','resolved')")
                t.column("opened_at", .datetime).notNull()
                t.column("opened_by", .text).notNull()
                t.column("owner", .text)
                t.column("holiday", .boolean).notNull()
                t.column("reply_due", .datetime)
                t.column("resolve_due", .datetime)
                t.column("answered_at", .datetime)
                t.column("resolved_at", .datetime)
                t.column("closed_at_once", .boolean).notNull()
                t.column("fault_at", .datetime)
                t.column("fault_place", .text)
                t.column("fault_symptom", .text)
                t.column("fault_plan", .text)
                t.column("contact_form_due", .datetime)
                t.column("contact_form_at", .datetime)
                t.column("contact_form_reference", .text)
                t.column("reply_escalated_at", .datetime)
                t.column("resolve_escalated_at", .datetime)
                t.column("contact_form_escalated_at", .datetime)
                t.column("next_due_at", .datetime)
                t.column("next_escalation_at", .datetime)
                t.column("updated_at", .datetime).notNull()
            }
            // The reports read a period's tickets, the desk a client's and an owner's; the overdue
            // list and the clock read only tickets with a deadline still pending.
            try db.create(index: "ticket_opened", on: "ticket", columns: ["opened_at"])
            try db.create(index: "ticket_client", on: "ticket", columns: ["client_id", "opened_at"])
            try db.create(index: "ticket_owner", on: "ticket", columns: ["owner", "state"])
            try db.execute(sql: """
                CREATE INDEX ticket_next_due ON ticket(next_due_at) WHERE next_due_at IS NOT NULL;
                CREATE INDEX ticket_next_escalation ON ticket(next_escalation_at) WHERE next_escalation_at IS NOT NULL;
                """)
            try db.create(table: "ticket_event") { t in
                t.primaryKey("id", .integer)
                t.column("ticket_id", .integer).notNull().indexed().references("ticket", onDelete: .restrict)
                t.column("at", .datetime).notNull()
                t.column("kind", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("text", .text).notNull()
                t.column("target", .text)
            }
            try db.create(table: "fault_analysis") { t in
                t.primaryKey("ticket_id", .integer).references("ticket", onDelete: .restrict)
                t.column("impact", .text).notNull()
                t.column("handling", .text).notNull()
                t.column("cause", .text).notNull()
                t.column("corrective", .text).notNull()
                t.column("preventive", .text).notNull()
                t.column("written_by", .text).notNull()
                t.column("written_at", .datetime).notNull()
                t.column("delivered_at", .datetime)
                t.column("delivered_by", .text)
                t.column("delivered_to", .text)
            }
        }
        migrator.registerMigration("0014 follow-ups, surveys and duty") { db in
            try db.create(table: "follow_up_call") { t in
                t.primaryKey("id", .integer)
                t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
                t.column("due_on", .text).notNull()
                t.column("called_at", .datetime).notNull()
                t.column("called_by", .text).notNull()
                t.column("note", .text).notNull()
                t.uniqueKey(["client_id", "due_on"])
            }
            try db.create(index: "follow_up_call_due", on: "follow_up_call", columns: ["due_on"])
            try db.create(table: "needs_survey") { t in
                t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
                t.column("year", .integer).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("done_at", .datetime)
                t.column("done_by", .text)
                t.column("note", .text)
                t.primaryKey(["client_id", "year"])
            }
            try db.create(table: "duty_shift") { t in
                t.column("day", .text).notNull()
                t.column("account", .text).notNull()
                t.column("assigned_by", .text).notNull()
                t.column("assigned_at", .datetime).notNull()
                t.primaryKey(["day", "account"])
            }
        }
    }
}
