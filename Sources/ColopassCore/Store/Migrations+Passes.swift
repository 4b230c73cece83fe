import GRDB

extension Migrations {
    /// Temporary entry requests, emergency entries and their passes (C6, C7): migration 0003.
    static func registerPassMigrations(_ migrator: inout DatabaseMigrator) {}
}
