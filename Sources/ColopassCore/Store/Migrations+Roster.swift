import GRDB

extension Migrations {
    /// A client's own roster: documents waiting for the desk's review, the client's administrator,
    /// what each person may do (move equipment, host visitors) and the card requests a client
    /// files for its people: migration 0015.
    static func registerRosterMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0015 client roster and document review") { db in
            // A photo, ID copy or letter a client supplied. `person.photo` (and the others) stay the
            // approved ones: badges, C1 and the gates read only those, so nothing here reaches a door
            // until the desk approves it.
            try db.create(table: "document_review") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("person_id", .integer).notNull().indexed().references("person", onDelete: .restrict)
                t.column("kind", .text).notNull().check(sql: "kind IN ('photo','id_copy','letter')")
                t.column("sha256", .text).notNull().references("document")
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('pending','approved','refused','superseded')")
                t.column("submitted_by", .text).notNull()
                t.column("submitted_at", .datetime).notNull()
                t.column("decided_by", .text)
                t.column("decided_at", .datetime)
                t.column("reason", .text)
            }
            try db.create(index: "document_review_by_status", on: "document_review", columns: ["status", "id"])
            try db.alter(table: "account") { t in
                t.add(column: "client_admin", .boolean).notNull().defaults(to: false)
            }
            try db.alter(table: "person") { t in
                t.add(column: "may_move", .boolean).notNull().defaults(to: false)
                t.add(column: "may_host", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "card_request") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("person_id", .integer).notNull().indexed().references("person", onDelete: .restrict)
                t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('filed','approved','refused','withdrawn')")
                t.column("filed_by", .text).notNull()
                t.column("filed_at", .datetime).notNull()
                t.column("decided_by", .text)
                t.column("decided_at", .datetime)
                t.column("reason", .text)
                t.column("card_number", .text)
            }
        }
    }
}

extension Migrations {
    /// C7: the client's person who hosts a temporary entry's visitors (one its administrator lets
    /// host, `person.may_host`): migration 0020. Requests filed before it name none.
    static func registerVisitHostMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0020 visit host") { db in
            try db.alter(table: "visit_request") { t in
                t.add(column: "host_person_id", .integer).references("person", onDelete: .restrict)
            }
        }
    }
}
