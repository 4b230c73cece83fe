import GateKernel
import Foundation
import GRDB

extension Replica {
    /// Applies a verified snapshot in one transaction: entries, keys, rules, cursor and age move
    /// together or not at all.
    public func apply(_ snapshot: GateSnapshot, receivedAt: Date) throws {
        try pool.write { db in
            for var entry in snapshot.entries {
                // A slip this gate let out stays spent whatever the snapshot says: one carried on a
                // file may have been made before the service heard of the slip's use.
                if entry.kind == .exitSlip, entry.state == .active, try Self.letOut(slip: entry.credentialId, db) {
                    entry.state = .used
                }
                try Self.store(entry, db)
            }
            for key in snapshot.keys {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO trusted_key (id, public_key, status) VALUES (?, ?, ?)",
                    arguments: [key.id, key.publicKey, key.status])
            }
            try Self.setMeta("rules", String(decoding: try JSONEncoder().encode(snapshot.rules), as: UTF8.self), db)
            try Self.setMeta("cursor", String(snapshot.cursor), db)
            try Self.setMeta("last_sync", String(receivedAt.timeIntervalSince1970), db)
        }
    }

    static func letOut(slip id: UInt32, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM event WHERE kind = ? AND credential_id = ? AND result = 'granted')",
            arguments: [CredentialKind.exitSlip.rawValue, id]) ?? false
    }

    public func entry(kind: CredentialKind, id: UInt32) throws -> GateEntry? {
        try pool.read { db in try Self.entry(kind: kind, id: id, db) }
    }

    static func entry(kind: CredentialKind, id: UInt32, _ db: Database) throws -> GateEntry? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM entry WHERE kind = ? AND credential_id = ?")
        return try Row.fetchOne(statement, arguments: [kind.rawValue, id]).map(entry)
    }

    /// The enumerated columns are read as text: a value this build does not know is kept and
    /// denies (see `GateEntry.unknownValues`); it never reads as "active" or "in force".
    static func entry(_ row: Row) -> GateEntry {
        var entry = GateEntry(
            kind: CredentialKind(rawValue: row["kind"]) ?? .accessCard, credentialId: row["credential_id"],
            generation: row["generation"], state: .cancelled,
            holderActive: row["holder_active"], contractStatus: nil,
            contractStartsOn: (row["contract_starts_on"] as String?).flatMap(Day.init),
            contractEndsOn: (row["contract_ends_on"] as String?).flatMap(Day.init),
            validFrom: Date(timeIntervalSince1970: row["valid_from"]),
            validUntil: Date(timeIntervalSince1970: row["valid_until"]), holderName: row["holder_name"],
            company: row["company"], maskedID: row["masked_id"], photo: row["photo"],
            escortRequired: row["escort_required"],
            details: (row["details"] as String).split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
        entry.readEnumerated { field in row[Self.column[field]!] }
        return entry
    }

    /// The replica's column of each enumerated field.
    private static let column = [
        "state": "state", "contractStatus": "contract_status", "stoppedUnder": "stopped_under",
        "slipPurpose": "slip_purpose",
    ]

    static func store(_ entry: GateEntry, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO entry (kind, credential_id, generation, state, holder_active, contract_status,
                    contract_starts_on, contract_ends_on, valid_from, valid_until, holder_name, company, masked_id, photo,
                    escort_required, details, stopped_under, slip_purpose)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            entry.kind.rawValue, entry.credentialId, entry.generation, entry.raw("state", entry.state), entry.holderActive,
            entry.raw("contractStatus", entry.contractStatus), entry.contractStartsOn?.description, entry.contractEndsOn?.description,
            entry.validFrom.timeIntervalSince1970, entry.validUntil.timeIntervalSince1970, entry.holderName,
            entry.company, entry.maskedID, entry.photo, entry.escortRequired,
            entry.details.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n"),
            entry.raw("stoppedUnder", entry.stoppedUnder), entry.raw("slipPurpose", entry.slipPurpose),
        ])
    }

    public func entryCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? 0 }
    }
}

extension Replica {
    /// Bulk loading for `make bench`, in the caller's transaction, exactly as a sync stores.
    public static func storeForBenchmark(_ entry: GateEntry, _ db: Database) throws { try store(entry, db) }
}
