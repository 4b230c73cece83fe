import Foundation
import GRDB

extension Credentials {
    public func signingKeys(by actor: Actor) throws -> [SigningKey] {
        try read(actor, .viewRegistry) { db in try SigningKey.order(SigningKey.Columns.id).fetchAll(db) }
    }

    /// Starts signing with a new key. Credentials already printed keep verifying under the old one.
    public func rotateSigningKey(by actor: Actor) throws -> SigningKey {
        try perform(actor, .manageKeys, action: "key.rotate") { tx in
            let (id, _) = try keyring.createKey(in: tx.db, now: tx.now)
            let record = try SigningKey.fetchOne(tx.db, key: id)!
            try tx.audit("key.rotate", "signing_key", key: String(id), after: record)
            return record
        }
    }

    /// Signs a credential with the active key inside the caller's transaction.
    func sign(_ make: (UInt16) -> Credential, in tx: Transaction) throws -> SignedCredential {
        let created = try SigningKey.fetchCount(tx.db) == 0
        let (id, key) = try keyring.activeKey(in: tx.db, now: tx.now)
        if created {
            try tx.audit("key.create", "signing_key", key: String(id), after: try SigningKey.fetchOne(tx.db, key: id))
        }
        return try SignedCredential.sign(make(UInt16(id)), with: key)
    }

    /// The public keys a gate needs, as exported by `colopass keys export-public`.
    public func publicKeyExport() throws -> PublicKeyExport {
        try store.pool.read { db in
            PublicKeyExport(
                site: policy.site.code,
                keys: try SigningKey.order(SigningKey.Columns.id).fetchAll(db).map {
                    .init(id: $0.id, publicKey: $0.publicKey, status: $0.status.rawValue)
                })
        }
    }
}
