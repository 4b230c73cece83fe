import GRDB
import GateKernel

extension Replica {
    /// Migration 0002: the `event` table rebuilt from the kernel's one event-row schema, the
    /// service's too. Times here were epoch seconds (REAL); they become the shared datetime text,
    /// to the millisecond, as the service and the JSON wire keep them.
    static func registerKernelEventRow(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("0002 event row from the kernel") { db in
            try db.execute(sql: "ALTER TABLE event RENAME TO event_0001")
            try db.execute(sql: "DROP INDEX event_by_credential")
            try db.execute(sql: "DROP INDEX event_to_upload")
            try GateEventRow.createTable("event", in: db) { t in
                t.column("uploaded", .boolean).notNull().defaults(to: false)
            }
            let converted = GateEventRow.columns.map { $0 == "at" ? "strftime('%Y-%m-%d %H:%M:%f', at, 'unixepoch')" : $0 }
            try db.execute(
                sql: """
                    INSERT INTO event (\((GateEventRow.columns + ["uploaded"]).joined(separator: ", ")))
                    SELECT \(converted.joined(separator: ", ")), uploaded FROM event_0001
                    """)
            try db.execute(sql: "DROP TABLE event_0001")
            try db.execute(sql: "CREATE INDEX event_to_upload ON event (at) WHERE uploaded = 0")
        }
    }
}
