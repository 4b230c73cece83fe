import ColopassCore
import Foundation
import GRDB

extension Replica {
    /// Applies a verified snapshot in one transaction: entries, keys, rules, cursor and age move
    /// together or not at all.
    public func apply(_ snapshot: GateSnapshot, receivedAt: Date) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        try pool.write { db in
            for entry in snapshot.entries {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO entry (kind, credential_id, body) VALUES (?, ?, ?)",
                    arguments: [entry.kind.rawValue, entry.credentialId, try encoder.encode(entry)])
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

    public func entry(kind: CredentialKind, id: UInt32) throws -> GateEntry? {
        try pool.read { db in try Self.entry(kind: kind, id: id, db) }
    }

    static let entryDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    static func entry(kind: CredentialKind, id: UInt32, _ db: Database) throws -> GateEntry? {
        guard let body = try Data.fetchOne(
            db, sql: "SELECT body FROM entry WHERE kind = ? AND credential_id = ?", arguments: [kind.rawValue, id])
        else { return nil }
        return try entryDecoder.decode(GateEntry.self, from: body)
    }

    public func entryCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? 0 }
    }
}
