import Foundation
import GRDB

/// The one database of a site: a single SQLite file in WAL mode with foreign keys on and
/// `synchronous = FULL`, because an access record that a power cut can take back is no record.
/// Like GRDB's `AppDatabase` it takes any `DatabaseWriter`, so a test can stand on memory alone.
public final class Store: Sendable {
    public let pool: any DatabaseWriter
    /// The file, or ":memory:".
    public let path: String

    public convenience init(path: String) throws {
        try self.init(DatabasePool(path: path, configuration: Self.configuration), path: path)
    }

    /// A site in memory: the same schema and rules, nothing on disk (tests).
    public static func inMemory() throws -> Store {
        try Store(DatabaseQueue(configuration: configuration), path: ":memory:")
    }

    init(_ writer: any DatabaseWriter, path: String) throws {
        pool = writer
        self.path = path
        try Migrations.migrator.migrate(writer)
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// The next id of a table. Writes are serialised by the store, so reading the maximum inside
    /// the write transaction cannot race; ids stay dense and readable ("client 3").
    static func nextID(of table: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)")!
    }

    /// `PRAGMA integrity_check` and the applied migrations, for `/health` and `colopass status`.
    public func health() throws -> (integrity: String, migrations: [String]) {
        try pool.read { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "unknown"
            let applied = try Migrations.migrator.appliedIdentifiers(db)
            return (integrity, applied.sorted())
        }
    }
}
