import Foundation
import GRDB

/// The one database of a site: a single SQLite file in WAL mode with foreign keys on and
/// `synchronous = FULL`, because an access record that a power cut can take back is no record.
public final class Store: Sendable {
    public let pool: DatabasePool
    public let path: String

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Migrations.migrator.migrate(pool)
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
