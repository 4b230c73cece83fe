import Foundation
import GRDB

/// The one database of a site: a single SQLite file in WAL mode with foreign keys on and
/// `synchronous = FULL`, because an access record that a power cut can take back is no record.
/// Like GRDB's `AppDatabase` it takes any `DatabaseWriter`, so a test can stand on memory alone.
public final class Store: Sendable {
    public let pool: any DatabaseWriter
    /// The file, or ":memory:".
    public let path: String
    /// Reads run at once on up to this many connections (GRDB's default is 5): the server reads
    /// from its handler threads and its compute threads at the same time, and none of them
    /// should wait for a free connection.
    public static let maximumReaders = 8

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
        configuration.maximumReaderCount = Self.maximumReaders
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
        try pool.read { db in (try Self.quickCheck(db), try Self.migrations(db)) }
    }

    /// `PRAGMA quick_check`: "ok", or the first problem. It reads every page of the file.
    public func integrity() throws -> String {
        try pool.read { db in try Self.quickCheck(db) }
    }

    /// The identifiers of the applied migrations, sorted.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrations(db) }
    }

    private static func quickCheck(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "unknown"
    }

    private static func migrations(_ db: Database) throws -> [String] {
        try Migrations.migrator.appliedIdentifiers(db).sorted()
    }
}
