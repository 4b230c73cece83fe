import GateKernel
import Foundation
import GRDB

/// The replica's settings: the door rules from the last snapshot, its cursor and its age.
public struct ReplicaState: Sendable {
    public var rules: GateSnapshot.Rules?
    public var cursor: Int64
    public var lastSync: Date?
    public var timeZone: TimeZone

    /// Older than the policy's limit, or never synchronised at all.
    public func isStale(at now: Date) -> Bool {
        guard let rules, let lastSync else { return true }
        return now.timeIntervalSince(lastSync) > TimeInterval(rules.maxAgeMinutes * 60)
    }

    /// Past the policy's warning share of the limit but not stale yet: decisions still stand and
    /// say the data is ageing (G1.aging), so the guard calls for help before fail-secure bites.
    public func isAging(at now: Date) -> Bool {
        guard let rules, let lastSync, !isStale(at: now) else { return false }
        return now.timeIntervalSince(lastSync) >= TimeInterval(rules.maxAgeMinutes * 60 * rules.warnPercent) / 100
    }

    /// When the data goes stale, if it has been synchronised at all.
    public var staleAt: Date? {
        guard let rules, let lastSync else { return nil }
        return lastSync.addingTimeInterval(TimeInterval(rules.maxAgeMinutes * 60))
    }
}

extension Replica {
    public func state() throws -> ReplicaState {
        try pool.read { db in try Self.state(db) }
    }

    static func state(_ db: Database) throws -> ReplicaState {
        let values = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                ($0["key"] as String, $0["value"] as String)
            })
        let rules = values["rules"].flatMap { try? JSONDecoder().decode(GateSnapshot.Rules.self, from: Data($0.utf8)) }
        return ReplicaState(
            rules: rules, cursor: values["cursor"].flatMap { Int64($0) } ?? 0,
            lastSync: values["last_sync"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) },
            timeZone: rules.flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "Asia/Shanghai")!)
    }

    static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// Pins the site's public keys (from `colopass keys export-public`): snapshots must be signed
    /// by one of them.
    public func trust(_ export: PublicKeyExport) throws {
        try pool.write { db in
            for key in export.keys {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO trusted_key (id, public_key, status) VALUES (?, ?, ?)",
                    arguments: [key.id, key.publicKey, key.status])
            }
        }
    }

    public func trustedKeys() throws -> [Int64: Ed25519PublicKey] {
        try pool.read { db in try Self.trustedKeys(db) }
    }

    static func trustedKeys(_ db: Database) throws -> [Int64: Ed25519PublicKey] {
        var keys: [Int64: Ed25519PublicKey] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, public_key FROM trusted_key") {
            if let raw = [UInt8](hex: row["public_key"]) { keys[row["id"]] = try Ed25519PublicKey(rawRepresentation: raw) }
        }
        return keys
    }
}
