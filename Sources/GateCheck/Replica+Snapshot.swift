import GateKernel
import Foundation
import GRDB
import GRDBSQLite

extension Replica {
    /// Applies a verified snapshot in one transaction: entries, keys, rules, cursor and age move
    /// together or not at all.
    public func apply(_ snapshot: GateSnapshot, receivedAt: Date) throws {
        try pool.write { db in
            try Self.store(snapshot, db)
            try Self.setMeta("cursor", String(snapshot.cursor), db)
            try Self.keep(snapshot.auditCheckpoint, db)
            try Self.setMeta("last_sync", String(receivedAt.timeIntervalSince1970), db)
        }
    }

    /// A snapshot's entries, keys and rules, in the caller's transaction.
    static func store(_ snapshot: GateSnapshot, _ db: Database) throws {
        // One statement for the page: the cache would hash its text again for every entry.
        let insert = try insertStatement(db)
        for var entry in snapshot.entries {
            // A slip this gate let out stays spent whatever the snapshot says: one carried on a
            // file may have been made before the service heard of the slip's use.
            if entry.kind == .exitSlip, entry.state == .active, try Self.letOut(slip: entry.credentialId, db) {
                entry.state = .used
            }
            try Self.store(entry, insert)
        }
        for key in snapshot.keys {
            try db.execute(
                sql: "INSERT OR REPLACE INTO trusted_key (id, public_key, status) VALUES (?, ?, ?)",
                arguments: [key.id, key.publicKey, key.status])
        }
        try Self.setMeta("rules", String(decoding: try JSONEncoder().encode(snapshot.rules), as: UTF8.self), db)
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
        let statement = try db.cachedStatement(sql: selectEntry)
        // The cursor's row is read in place, without the copy of every value `fetchOne` makes;
        // it stays valid only while the cursor lives.
        let cursor = try Row.fetchCursor(statement, arguments: [kind.rawValue, id])
        return try withExtendedLifetime(cursor) { try cursor.next().map(entry) }
    }

    private static let selectEntry =
        "SELECT \(EntryColumn.allCases.map(\.name).joined(separator: ", ")) FROM entry WHERE kind = ? AND credential_id = ?"

    /// The entry's columns in the order `entry(_:)` reads them: by position, because a column
    /// looked up by name is lower-cased on every read, which cost the door more than SQLite's
    /// own lookup of the row.
    enum EntryColumn: Int, CaseIterable {
        case kind, credentialId, generation, state, holderActive, contractStatus, contractStartsOn, contractEndsOn
        case validFrom, validUntil, holderName, company, maskedID, photo, escortRequired, details, stoppedUnder
        case slipPurpose

        var name: String {
            switch self {
            case .kind: "kind"
            case .credentialId: "credential_id"
            case .generation: "generation"
            case .state: "state"
            case .holderActive: "holder_active"
            case .contractStatus: "contract_status"
            case .contractStartsOn: "contract_starts_on"
            case .contractEndsOn: "contract_ends_on"
            case .validFrom: "valid_from"
            case .validUntil: "valid_until"
            case .holderName: "holder_name"
            case .company: "company"
            case .maskedID: "masked_id"
            case .photo: "photo"
            case .escortRequired: "escort_required"
            case .details: "details"
            case .stoppedUnder: "stopped_under"
            case .slipPurpose: "slip_purpose"
            }
        }
    }

    /// The enumerated columns are read as text: a value this build does not know is kept and
    /// denies (see `GateEntry.unknownValues`); it never reads as "active" or "in force".
    static func entry(_ row: Row) -> GateEntry {
        // StatementColumnConvertible: GRDB's fast path, reading SQLite's value without a
        // DatabaseValue in between.
        typealias Column = DatabaseValueConvertible & StatementColumnConvertible
        func value<Value: Column>(_ column: EntryColumn) -> Value { row[column.rawValue] }
        func optional<Value: Column>(_ column: EntryColumn) -> Value? { row[column.rawValue] }
        var entry = GateEntry(
            kind: CredentialKind(rawValue: value(.kind)) ?? .accessCard, credentialId: value(.credentialId),
            generation: value(.generation), state: .cancelled,
            holderActive: value(.holderActive), contractStatus: nil,
            contractStartsOn: (optional(.contractStartsOn) as String?).flatMap(Day.init),
            contractEndsOn: (optional(.contractEndsOn) as String?).flatMap(Day.init),
            validFrom: Date(timeIntervalSince1970: value(.validFrom)),
            validUntil: Date(timeIntervalSince1970: value(.validUntil)), holderName: value(.holderName),
            company: value(.company), maskedID: value(.maskedID), photo: optional(.photo),
            escortRequired: value(.escortRequired),
            details: (value(.details) as String).split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
        entry.readEnumerated { field in optional(Self.column[field]!) }
        return entry
    }

    /// The replica's column of each enumerated field.
    private static let column: [String: EntryColumn] = [
        "state": .state, "contractStatus": .contractStatus, "stoppedUnder": .stoppedUnder, "slipPurpose": .slipPurpose,
    ]

    static func store(_ entry: GateEntry, _ db: Database) throws { try store(entry, try insertStatement(db)) }

    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO entry (kind, credential_id, generation, state, holder_active, contract_status,
                    contract_starts_on, contract_ends_on, valid_from, valid_until, holder_name, company, masked_id, photo,
                    escort_required, details, stopped_under, slip_purpose)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// The entry's eighteen values bound straight to SQLite: through `StatementArguments` each
    /// was boxed as an existential and converted, a large part of each insert in a profile of a
    /// first sync. The statement runs in the caller's transaction, like any other.
    static func store(_ entry: GateEntry, _ statement: Statement) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var index: Int32 = 0
        func integer(_ value: Int64) {
            index += 1
            sqlite3_bind_int64(handle, index, value)
        }
        func real(_ value: Double) {
            index += 1
            sqlite3_bind_double(handle, index, value)
        }
        func text(_ value: String?) {
            index += 1
            guard var value else {
                sqlite3_bind_null(handle, index)
                return
            }
            value.withUTF8 { bytes in
                // An empty buffer may have no address, and a null address binds NULL.
                if let base = bytes.baseAddress {
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
                    }
                } else {
                    _ = sqlite3_bind_text(handle, index, "", 0, transient)
                }
            }
        }
        integer(Int64(entry.kind.rawValue))
        integer(Int64(entry.credentialId))
        integer(Int64(entry.generation))
        text(entry.raw("state", entry.state))
        integer(entry.holderActive ? 1 : 0)
        text(entry.raw("contractStatus", entry.contractStatus))
        text(entry.contractStartsOn?.description)
        text(entry.contractEndsOn?.description)
        real(entry.validFrom.timeIntervalSince1970)
        real(entry.validUntil.timeIntervalSince1970)
        text(entry.holderName)
        text(entry.company)
        text(entry.maskedID)
        text(entry.photo)
        integer(entry.escortRequired ? 1 : 0)
        text(
            entry.details.count == 1 && !entry.details[0].utf8.contains(0x0A)
                ? entry.details[0]
                : entry.details.map { $0.utf8.contains(0x0A) ? $0.replacingOccurrences(of: "\n", with: " ") : $0 }
                    .joined(separator: "\n"))
        text(entry.raw("stoppedUnder", entry.stoppedUnder))
        text(entry.raw("slipPurpose", entry.slipPurpose))
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// SQLite copies the text it is given before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    public func entryCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? 0 }
    }
}

extension Replica {
    /// Bulk loading for `make bench`, in the caller's transaction, exactly as a sync stores.
    public static func storeForBenchmark(_ entry: GateEntry, _ db: Database) throws { try store(entry, db) }
}
