import GateKernel
import Foundation
import GRDB

/// Who is inside now: everyone whose last granted passage through any door was inwards. This is
/// the muster list read out in an evacuation.
public struct Occupant: Sendable, Codable {
    public var kind: CredentialKind
    public var credentialId: UInt32
    public var holderName: String
    public var company: String
    public var maskedID: String
    public var since: Date
    public var gate: String
}

extension Replica {
    public func occupants() throws -> [Occupant] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: GateEventRow.insideQuery(events: "event"))
            return try rows.compactMap { row -> Occupant? in
                guard let kind = CredentialKind(rawValue: row["kind"]) else { return nil }
                let id: UInt32 = row["credential_id"]
                let entry = try Self.entry(kind: kind, id: id, db)
                return Occupant(
                    kind: kind, credentialId: id, holderName: entry?.holderName ?? "?", company: entry?.company ?? "",
                    maskedID: entry?.maskedID ?? "", since: row["at"], gate: row["gate"])
            }
        }
    }

    /// Events not yet uploaded, oldest first.
    public func pendingEvents(limit: Int = 500) throws -> [GateEvent] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM event WHERE uploaded = 0 ORDER BY at LIMIT ?", arguments: [limit]
            ).map(GateEventRow.event)
        }
    }

    /// Marks events as received by the service; with `contact`, notes the service's answer in
    /// the same transaction (one commit, one turn of the write lock a door may be waiting for).
    public func markUploaded(_ ids: [String], contact: Date? = nil) throws {
        try pool.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE event SET uploaded = 1 WHERE id = ?")
            for id in ids { try statement.execute(arguments: [id]) }
            if let contact { try Self.noteContact(at: contact, error: nil, db) }
        }
    }

    /// `pending`: not yet uploaded; `exported`: of those, already written to a file.
    public func eventCount() throws -> (total: Int, pending: Int, exported: Int) {
        try pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE uploaded = 0") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE uploaded = 0 AND exported_at IS NOT NULL") ?? 0)
        }
    }
}
