import Foundation
import GRDB
import Synchronization

/// Loads and caches key objects: building an OpenSSL key costs far more than a verification.
final class Keyring: Sendable {
    let directory: String
    private let cache = Mutex<(privateKeys: [Int64: Ed25519PrivateKey], publicKeys: [Int64: Ed25519PublicKey])>(
        ([:], [:]))

    init(directory: String) {
        self.directory = directory
    }

    func privateKeyPath(_ id: Int64) -> String { (directory as NSString).appendingPathComponent("signing-\(id).key") }

    /// The active key, created on first use (the first credential a site ever issues).
    func activeKey(in db: Database, now: Date) throws -> (id: Int64, key: Ed25519PrivateKey) {
        if let record = try SigningKey.filter(SigningKey.Columns.status == SigningKey.Status.active.rawValue).fetchOne(db) {
            return (record.id, try privateKey(record.id))
        }
        return try createKey(in: db, now: now)
    }

    /// A new active key; the previous one (if any) is retired but keeps verifying.
    func createKey(in db: Database, now: Date) throws -> (id: Int64, key: Ed25519PrivateKey) {
        try db.execute(
            sql: "UPDATE signing_key SET status = ?, retired_at = ? WHERE status = ?",
            arguments: [SigningKey.Status.retired.rawValue, now, SigningKey.Status.active.rawValue])
        let id = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM signing_key")!
        guard id <= Int64(UInt16.max) else { throw CryptoFailure(operation: "key rotation", reason: "key ids exhausted") }
        let key = Ed25519PrivateKey.generate()
        try writePrivateKey(key, id: id)
        try SigningKey(
            id: id, publicKey: key.publicKey.rawRepresentation.hexString, status: .active, createdAt: now,
            retiredAt: nil
        ).insert(db)
        cache.withLock { $0.privateKeys[id] = key }
        return (id, key)
    }

    func publicKey(_ id: Int64, in db: Database) throws -> Ed25519PublicKey? {
        if let key = cache.withLock({ $0.publicKeys[id] }) { return key }
        guard let record = try SigningKey.fetchOne(db, key: id), let raw = [UInt8](hex: record.publicKey) else {
            return nil
        }
        let key = try Ed25519PublicKey(rawRepresentation: raw)
        cache.withLock { $0.publicKeys[id] = key }
        return key
    }

    func privateKey(_ id: Int64) throws -> Ed25519PrivateKey {
        if let key = cache.withLock({ $0.privateKeys[id] }) { return key }
        guard let text = try? String(contentsOfFile: privateKeyPath(id), encoding: .utf8),
            let raw = [UInt8](hex: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw CryptoFailure(operation: "load signing key \(id)", reason: "missing or unreadable \(privateKeyPath(id))")
        }
        let key = try Ed25519PrivateKey(rawRepresentation: raw)
        cache.withLock { $0.privateKeys[id] = key }
        return key
    }

    private func writePrivateKey(_ key: Ed25519PrivateKey, id: Int64) throws {
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = privateKeyPath(id)
        // Created 0600 from the first byte: the key is never readable by others, not even briefly.
        guard manager.createFile(
            atPath: path, contents: Data(key.rawRepresentation.hexString.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CryptoFailure(operation: "write signing key", reason: "cannot create \(path)") }
    }
}

extension Keyring {
    /// The private keys among `ids` whose files are still on disk.
    func heldKeys(_ ids: [Int64]) throws -> [(Int64, Ed25519PrivateKey)] {
        ids.compactMap { id in
            guard FileManager.default.fileExists(atPath: privateKeyPath(id)) else { return nil }
            return (try? privateKey(id)).map { (id, $0) }
        }
    }
}
