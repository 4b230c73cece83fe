import GRDB

extension Migrations {
    /// Work orders, inventory, IP pools, removal requests and exit slips (Q1–Q5): migration 0004.
    static func registerEquipmentMigrations(_ migrator: inout DatabaseMigrator) {}
}
