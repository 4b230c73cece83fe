import Foundation
import GRDB
import GateKernel

/// Events carried to the service on a file, for a gate without a network. Nothing comes back
/// on that path to say the service has them, so an exported event stays queued for an upload
/// over the network (the service counts it once whichever way it comes), and `again` writes
/// exported events once more, for a file that was lost on the way.
extension Replica {
    public func eventsToCarry(again: Bool) throws -> [GateEvent] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM event WHERE uploaded = 0 \(again ? "" : "AND exported_at IS NULL") ORDER BY at"
            ).map(GateEventRow.event)
        }
    }

    public func markExported(_ ids: [String], at date: Date) throws {
        try pool.write { db in
            let statement = try db.makeStatement(sql: "UPDATE event SET exported_at = ? WHERE id = ?")
            for id in ids { try statement.execute(arguments: [date, id]) }
        }
    }

    /// Migration 0003: when each event was last written to a file.
    static func registerExportedAt(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0003 events exported to a file") { db in
            try db.alter(table: "event") { t in t.add(column: "exported_at", .datetime) }
        }
    }
}
