import GRDB

extension Migrations {
    /// Migration 0024: the dashboard's "cards expiring" count reads an index, not 100,000 rows.
    static func registerListIndexMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0024 list indexes") { db in
            try db.create(index: "card_by_status_valid_until", on: "card", columns: ["status", "valid_until"])
        }
    }
}
