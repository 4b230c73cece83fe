import GRDB

extension Migrations {
    /// Gate events uploaded to the service and gate accounts: migration 0005.
    static func registerGateMigrations(_ migrator: inout DatabaseMigrator) {}
}
