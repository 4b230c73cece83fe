import Foundation
import GRDB

/// The one schema of a door event row, for the gate's replica (`event`) and the service's store
/// (`gate_event`): each adds only its own bookkeeping columns (upload state at the gate; who
/// delivered it at the service) after these.
///
/// Time is GRDB's datetime (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), as every other time in the service,
/// written by `Milliseconds` (rounded, as the JSON wire), so an event has the same row on both
/// sides; it sorts as text and reads plainly in `sqlite3`.
///
/// Migrations call `createTable` when they (re)build a table; changing the columns later takes a
/// new migration on both sides, never an edit here that an old migration would silently pick up.
public enum GateEventRow {
    public static let columns = [
        "id", "gate", "direction", "at", "kind", "credential_id", "generation", "result", "reason", "clause",
        "confirmed", "holder_name",
    ]

    public static func createTable(_ table: String, in db: Database, extra: (TableDefinition) -> Void = { _ in })
        throws
    {
        try db.create(table: table) { t in
            t.primaryKey("id", .text)
            t.column("gate", .text).notNull()
            t.column("direction", .text).notNull()
            t.column("at", .datetime).notNull()
            t.column("kind", .integer)
            t.column("credential_id", .integer)
            t.column("generation", .integer)
            t.column("result", .text).notNull()
            t.column("reason", .text)
            t.column("clause", .text)
            t.column("confirmed", .boolean).notNull()
            t.column("holder_name", .text)
            extra(t)
        }
        // Anti-passback and "who is inside" ask for one credential's latest passage.
        try db.create(index: "\(table)_by_credential", on: table, columns: ["kind", "credential_id", "at"])
    }

    /// `INSERT` of the event columns and then `extra` ones, whose values follow `arguments(_:)`.
    public static func insert(into table: String, extra: [String] = [], orIgnore: Bool = false) -> String {
        let names = columns + extra
        return "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \(table) (\(names.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    }

    /// The event's values in the order of `columns`.
    public static func arguments(_ event: GateEvent) -> StatementArguments {
        [
            event.id, event.gate, event.direction.rawValue, Milliseconds.databaseText(event.at), event.kind?.rawValue,
            event.credentialId,
            event.generation, event.result.rawValue, event.reason, event.clause, event.confirmed, event.holderName,
        ]
    }

    public static func event(_ row: Row) -> GateEvent {
        GateEvent(
            id: row["id"], gate: row["gate"], direction: GateEvent.Direction(rawValue: row["direction"]) ?? .in,
            at: row["at"], kind: (row["kind"] as Int64?).flatMap { CredentialKind(rawValue: UInt8($0)) },
            credentialId: row["credential_id"], generation: row["generation"],
            result: GateEvent.Result(rawValue: row["result"]) ?? .denied, reason: row["reason"], clause: row["clause"],
            confirmed: row["confirmed"], holderName: row["holder_name"])
    }

    /// The one definition of "inside", for either table: each credential's last granted passage
    /// through any door, kept when it was inwards, oldest first.
    public static func insideQuery(events table: String) -> String {
        """
        SELECT e.kind, e.credential_id, e.holder_name, e.at, e.gate FROM \(table) e
        JOIN (SELECT kind, credential_id, MAX(at) AS last FROM \(table)
              WHERE result = 'granted' AND kind IN (1, 2, 3) GROUP BY kind, credential_id) l
          ON e.kind = l.kind AND e.credential_id = l.credential_id AND e.at = l.last
        WHERE e.result = 'granted' AND e.direction = 'in'
        ORDER BY e.at
        """
    }
}
