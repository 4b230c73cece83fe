import GateKernel
import Foundation
import GRDB

/// The gate's own SQLite file: trusted keys, the door rules, every credential's entry and every
/// decision taken here. The gate decides from this alone, so it keeps working when the service
/// is down. A door's connection commits with `synchronous = FULL`: an event is on disk before the
/// guard sees the answer.
public final class Replica: Sendable {
    /// Who writes through this connection, which decides what a commit waits for.
    public enum Writer: Sendable {
        /// A door (`scan`, `station`, `verify`) or a one-off `sync`: every commit is synced to disk
        /// before it returns (`synchronous = FULL`), the event a guard acted on above all.
        case door
        /// The live link (`gate-check run`): what it writes comes again from the service (a page,
        /// a delta) or is harmless to repeat (an upload mark: the service keeps each event id
        /// once), so its commits are not synced one by one (`synchronous = NORMAL`, still atomic
        /// in WAL mode): the next door commit or checkpoint syncs them. Its transactions then hold
        /// the file's write lock for microseconds instead of a disk flush, and a door deciding
        /// beside it seldom waits.
        case link
    }

    public let pool: DatabasePool
    public let directory: String

    public static let fileName = "replica.sqlite"
    /// Address space, not memory: a replica of 100k cards and 1M events is under 300 MiB.
    static let mapSize = 1 << 30

    public init(directory: String, writer: Writer = .door) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        var configuration = Configuration()
        // `run`, `scan` and `station` share this file from separate processes: a writer waits for
        // another's transaction (a page of a snapshot, milliseconds) instead of failing the scan.
        configuration.busyMode = .callback(Self.waitForLock(tries:))
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(writer == .door ? "FULL" : "NORMAL")")
            // Whoever commits past the WAL's limit copies it into the database (a checkpoint, with
            // its own disk flush) before its commit returns. A door leaves that to the link beside
            // it (SQLite's 1,000 pages) and does it itself only past ten times that, when no link
            // runs: a scan seldom pays for the checkpoint.
            if writer == .door { try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000") }
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

    /// SQLite's own busy timeout sleeps 1, 2, 5, 10… ms between looks at a lock, so a scan that
    /// met the link's commit (held for tens of microseconds) waited a whole millisecond or more.
    /// This looks again every 20 µs for the first millisecond, then every millisecond, for up to
    /// 10 s in all.
    @Sendable static func waitForLock(tries: Int) -> Bool {
        let waited = tries <= 50 ? tries * 20 : 1_000 + (tries - 50) * 1_000  // µs so far
        guard waited < 10_000_000 else { return false }
        usleep(tries < 50 ? 20 : 1_000)
        return true
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
