import GRDB

extension Migrations {
    /// Work orders, inventory, IP pools, removal requests and exit slips (Q1–Q5): migration 0004.
    static func registerEquipmentMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0004 equipment") { db in
            try createWorkOrderTables(db)
            try createAddressTables(db)
            try createRemovalTables(db)
        }
    }

    private static func createWorkOrderTables(_ db: Database) throws {
        try db.create(table: "work_order") { t in
            t.primaryKey("id", .integer)
            t.column("number", .text).notNull().unique()
            t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
            t.column("contract_id", .integer).notNull().indexed().references("contract", onDelete: .restrict)
            t.column("planned_at", .datetime).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('draft','issued','accepting','closed','cancelled')")
            t.column("note", .text)
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            t.column("issued_at", .datetime)
            t.column("issued_by", .text)
            t.column("closed_at", .datetime)
            t.column("cancelled_at", .datetime)
            t.column("cancel_reason", .text)
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "work_order_line") { t in
            t.primaryKey("id", .integer)
            t.column("work_order_id", .integer).notNull().indexed().references("work_order", onDelete: .restrict)
            t.column("line_no", .integer).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('server','switch','storage','other')")
            t.column("brand", .text).notNull()
            t.column("model", .text).notNull()
            t.column("serial", .text)
            t.column("quantity", .integer).notNull().check(sql: "quantity >= 1")
            t.column("rack", .text).notNull()
            t.column("u_position", .integer).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('pending','accepted','refused','short')")
            t.column("accepted_quantity", .integer).notNull()
            t.column("reason", .text)
            t.column("settled_at", .datetime)
            t.column("settled_by", .text)
            t.uniqueKey(["work_order_id", "line_no"])
            t.uniqueKey(["work_order_id", "serial"])
            // A serial names one box: a line with a serial is exactly one unit.
            t.check(sql: "serial IS NULL OR quantity = 1")
        }
        try db.create(table: "refused_arrival") { t in
            t.primaryKey("id", .integer)
            t.column("work_order_id", .integer).notNull().indexed().references("work_order", onDelete: .restrict)
            t.column("serial", .text)
            t.column("description", .text).notNull()
            t.column("clause", .text).notNull()
            t.column("recorded_at", .datetime).notNull()
            t.column("recorded_by", .text).notNull()
        }
        try db.create(table: "inventory_item") { t in
            t.primaryKey("id", .integer)
            t.column("number", .text).notNull().unique()
            t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
            t.column("contract_id", .integer).notNull().indexed().references("contract", onDelete: .restrict)
            t.column("work_order_id", .integer).notNull().references("work_order", onDelete: .restrict)
            t.column("line_id", .integer).notNull().references("work_order_line", onDelete: .restrict)
            t.column("kind", .text).notNull().check(sql: "kind IN ('server','switch','storage','other')")
            t.column("brand", .text).notNull()
            t.column("model", .text).notNull()
            t.column("serial", .text)
            t.column("quantity", .integer).notNull().check(sql: "quantity >= 1")
            t.column("rack", .text).notNull()
            t.column("u_position", .integer).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('on_site','out_for_repair','removed')")
            t.column("accepted_at", .datetime).notNull()
            t.column("accepted_by", .text).notNull()
            t.column("removed_at", .datetime)
            t.column("updated_at", .datetime).notNull()
        }
        // One physical box is hosted once: a serial may reappear only after it was removed.
        try db.execute(sql: """
            CREATE UNIQUE INDEX inventory_item_hosted_serial ON inventory_item(serial)
            WHERE serial IS NOT NULL AND status <> 'removed'
            """)
    }

    private static func createAddressTables(_ db: Database) throws {
        try db.create(table: "ip_pool") { t in
            t.primaryKey("id", .integer)
            t.column("cidr", .text).notNull().unique()
            t.column("network", .integer).notNull()
            t.column("prefix", .integer).notNull().check(sql: "prefix BETWEEN 16 AND 30")
            t.column("note", .text)
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
        }
        try db.create(table: "ip_allocation") { t in
            t.primaryKey("id", .integer)
            t.column("pool_id", .integer).notNull().indexed().references("ip_pool", onDelete: .restrict)
            t.column("address", .text).notNull()
            t.column("address_value", .integer).notNull()
            t.column("item_id", .integer).notNull().indexed().references("inventory_item", onDelete: .restrict)
            t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
            t.column("allocated_at", .datetime).notNull()
            t.column("allocated_by", .text).notNull()
            t.column("released_at", .datetime)
            t.column("released_by", .text)
        }
        // S3: an address is never live for two servers, whatever the code above it does.
        try db.execute(sql: """
            CREATE UNIQUE INDEX ip_allocation_live_address ON ip_allocation(address) WHERE released_at IS NULL
            """)
        try db.create(table: "port_pool") { t in
            t.primaryKey("id", .integer)
            t.column("switch_name", .text).notNull()
            t.column("first_port", .integer).notNull().check(sql: "first_port >= 1")
            t.column("last_port", .integer).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("created_by", .text).notNull()
            t.check(sql: "last_port >= first_port")
        }
        try db.create(table: "port_allocation") { t in
            t.primaryKey("id", .integer)
            t.column("pool_id", .integer).notNull().indexed().references("port_pool", onDelete: .restrict)
            t.column("switch_name", .text).notNull()
            t.column("port", .integer).notNull()
            t.column("item_id", .integer).notNull().indexed().references("inventory_item", onDelete: .restrict)
            t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
            t.column("allocated_at", .datetime).notNull()
            t.column("allocated_by", .text).notNull()
            t.column("released_at", .datetime)
            t.column("released_by", .text)
        }
        try db.execute(sql: """
            CREATE UNIQUE INDEX port_allocation_live_port ON port_allocation(switch_name, port)
            WHERE released_at IS NULL
            """)
    }

    private static func createRemovalTables(_ db: Database) throws {
        try db.create(table: "removal_request") { t in
            t.primaryKey("id", .integer)
            t.column("number", .text).notNull().unique()
            t.column("kind", .text).notNull().check(sql: "kind IN ('decommission','repair')")
            t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
            t.column("contract_id", .integer).notNull().indexed().references("contract", onDelete: .restrict)
            t.column("status", .text).notNull().check(
                sql: "status IN ('filed','checked','approved','rejected','cancelled','exited','returned')")
            t.column("removal_date", .text).notNull()
            t.column("company_name", .text)
            t.column("application_scan", .text).references("document")
            t.column("note", .text)
            t.column("filed_at", .datetime).notNull()
            t.column("filed_by", .text).notNull()
            t.column("checked_at", .datetime)
            t.column("checked_by", .text)
            t.column("decided_at", .datetime)
            t.column("decided_by", .text)
            t.column("reject_reason", .text)
            t.column("cancelled_at", .datetime)
            t.column("cancel_reason", .text)
            t.column("exited_at", .datetime)
            t.column("returned_at", .datetime)
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "removal_item") { t in
            t.primaryKey("id", .integer)
            t.column("request_id", .integer).notNull().indexed().references("removal_request", onDelete: .restrict)
            t.column("item_id", .integer).notNull().indexed().references("inventory_item", onDelete: .restrict)
            t.column("item_number", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("brand", .text).notNull()
            t.column("model", .text).notNull()
            t.column("serial", .text)
            t.column("quantity", .integer).notNull()
            t.uniqueKey(["request_id", "item_id"])
        }
        try db.create(table: "removal_mover") { t in
            t.primaryKey("id", .integer)
            t.column("request_id", .integer).notNull().indexed().references("removal_request", onDelete: .restrict)
            t.column("name", .text).notNull()
            t.column("id_type", .text).notNull()
            t.column("id_number", .text).notNull()
            t.column("id_copy", .text).references("document")
        }
        try db.create(table: "exit_slip") { t in
            t.primaryKey("id", .integer)
            t.column("number", .text).notNull().unique()
            t.column("request_id", .integer).notNull().unique().references("removal_request", onDelete: .restrict)
            t.column("client_id", .integer).notNull().indexed().references("client", onDelete: .restrict)
            t.column("valid_on", .text).notNull()
            t.column("valid_from", .datetime).notNull()
            t.column("valid_until", .datetime).notNull()
            t.column("key_id", .integer).notNull().references("signing_key")
            t.column("credential", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('valid','used','cancelled')")
            t.column("issued_at", .datetime).notNull()
            t.column("issued_by", .text).notNull()
            t.column("used_at", .datetime)
            t.column("used_by", .text)
            t.column("cancelled_at", .datetime)
            t.column("cancel_reason", .text)
            t.column("updated_at", .datetime).notNull().indexed()
            // Used once: a used slip always says when and by whom.
            t.check(sql: "(status = 'used') = (used_at IS NOT NULL)")
        }
    }
}
