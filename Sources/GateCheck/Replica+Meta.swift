import GateKernel
import Foundation
import GRDB
import Synchronization

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
        let rules = values["rules"].flatMap(decodedRules)
        return ReplicaState(
            rules: rules, cursor: values["cursor"].flatMap { Int64($0) } ?? 0,
            lastSync: values["last_sync"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) },
            timeZone: rules.flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// The rules as last decoded, by their text: a desk re-reads the settings after every commit
    /// the link beside it makes, and the rules seldom change.
    private static let lastRules = Mutex<(text: String, rules: GateSnapshot.Rules)?>(nil)

    static func decodedRules(_ text: String) -> GateSnapshot.Rules? {
        if let last = lastRules.withLock({ $0 }), last.text == text { return last.rules }
        guard let rules = try? JSONDecoder().decode(GateSnapshot.Rules.self, from: Data(text.utf8)) else { return nil }
        lastRules.withLock { $0 = (text, rules) }
        return rules
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
        try keys(fromHex: trustedKeyHex(db))
    }

    /// The trusted keys as stored (hex), to tell whether they changed without building a key.
    static func trustedKeyHex(_ db: Database) throws -> [Int64: String] {
        var hex: [Int64: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, public_key FROM trusted_key")) {
            hex[row[0]] = row[1]
        }
        return hex
    }

    static func keys(fromHex hex: [Int64: String]) throws -> [Int64: Ed25519PublicKey] {
        var keys: [Int64: Ed25519PublicKey] = [:]
        for (id, text) in hex {
            if let raw = [UInt8](hex: text) { keys[id] = try Ed25519PublicKey(rawRepresentation: raw) }
        }
        return keys
    }
}
