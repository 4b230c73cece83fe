import GateKernel
import Foundation
import GRDB

/// The gate's own SQLite file: trusted keys, the door rules, every credential's entry and every
/// decision taken here. The gate decides from this alone, so it keeps working when the service
/// is down. `synchronous = FULL`: an event is on disk before the guard sees the answer.
public final class Replica: Sendable {
    public let pool: DatabasePool
    public let directory: String

    public static let fileName = "replica.sqlite"
    /// Address space, not memory: a replica of 100k cards and 1M events is under 300 MiB.
    static let mapSize = 1 << 30

    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        var configuration = Configuration()
        // `run`, `scan` and `station` share this file from separate processes: a writer waits for
        // another's transaction (a page of a snapshot, milliseconds) instead of failing the scan.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Reads through a read-only memory map instead of a read(2) per page: a scan touches a
            // handful of pages spread over the whole file (an entry among 100k, a card's last
            // passage among 1M events), so most miss SQLite's 2 MiB page cache, and those system
            // calls cost the door more than its SQL did. The map shares the OS page cache (no copy
            // per connection); writes still go through the WAL as before. Pages a process has
            // touched count in its resident size: clean file pages, given back under pressure.
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mapSize)")
        }
        pool = try DatabasePool(
            path: (directory as NSString).appendingPathComponent(Self.fileName), configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    public var photoDirectory: String { (directory as NSString).appendingPathComponent("photos") }

    public func photoPath(_ sha: String) -> String { (photoDirectory as NSString).appendingPathComponent(sha) }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001 replica") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "trusted_key") { t in
                t.primaryKey("id", .integer)
                t.column("public_key", .text).notNull()
                t.column("status", .text).notNull()
            }
            // Real columns, not a JSON body: the door reads one row per scan and decoding JSON
            // would cost as much as checking the signature.
            try db.create(table: "entry", options: .withoutRowID) { t in
                t.column("kind", .integer).notNull()
                t.column("credential_id", .integer).notNull()
                t.column("generation", .integer).notNull()
                t.column("state", .text).notNull()
                t.column("holder_active", .boolean).notNull()
                t.column("contract_status", .text)
                t.column("contract_starts_on", .text)
                t.column("contract_ends_on", .text)
                t.column("valid_from", .double).notNull()
                t.column("valid_until", .double).notNull()
                t.column("holder_name", .text).notNull()
                t.column("company", .text).notNull()
                t.column("masked_id", .text).notNull()
                t.column("photo", .text)
                t.column("escort_required", .boolean).notNull()
                t.column("details", .text).notNull()
                t.primaryKey(["kind", "credential_id"])
            }
            try db.create(table: "event") { t in
                t.primaryKey("id", .text)
                t.column("gate", .text).notNull()
                t.column("direction", .text).notNull()
                t.column("at", .double).notNull()
                t.column("kind", .integer)
                t.column("credential_id", .integer)
                t.column("generation", .integer)
                t.column("result", .text).notNull()
                t.column("reason", .text)
                t.column("clause", .text)
                t.column("confirmed", .boolean).notNull()
                t.column("holder_name", .text)
                t.column("uploaded", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "event_by_credential", on: "event", columns: ["kind", "credential_id", "at"])
            try db.execute(sql: "CREATE INDEX event_to_upload ON event (at) WHERE uploaded = 0")
        }
        registerKernelEventRow(&migrator)
        registerExportedAt(&migrator)
        // Why a credential stopped and what a slip carries out, so the door cites the clause the
        // desk cites (C9 for a contract's end, C7 for a withdrawn visit, Q5 for a repair slip).
        migrator.registerMigration("0004 stop clause and slip purpose") { db in
            try db.alter(table: "entry") { t in
                t.add(column: "stopped_under", .text)
                t.add(column: "slip_purpose", .text)
            }
        }
        registerAuditCheckpoints(&migrator)
        return migrator
    }
}
