import GRDB

extension Migrations {
    /// Sign-in: sessions, API and gate tokens, throttling: migration 0006.
    static func registerServerMigrations(_ migrator: inout DatabaseMigrator) {}
}
