import GRDB

extension Migrations {
    /// Accounts: one-time passwords that must be changed at the next sign-in (R1): migration 0009.
    static func registerAccountMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0009 one-time passwords") { db in
            // An account listed here signed in last with a password someone else chose (an admin's
            // reset): its sessions do nothing but change it. Changing it removes the row.
            try db.create(table: "password_change_due") { t in
                t.primaryKey("account_id", .integer).references("account", onDelete: .cascade)
                t.column("since", .datetime).notNull()
                t.column("set_by", .text).notNull()
            }
        }
    }
}
