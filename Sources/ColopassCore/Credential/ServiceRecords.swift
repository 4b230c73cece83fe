import Foundation
import GRDB

/// The service's own database as the verifier's source of keys and statuses.
struct ServiceRecords: CredentialRecords {
    let db: Database
    let keyring: Keyring
    let timeZone: TimeZone

    func publicKey(id: UInt16) throws -> Ed25519PublicKey? {
        try keyring.publicKey(Int64(id), in: db)
    }

    func status(of kind: CredentialKind, id: UInt32, at date: Date) throws -> CredentialStatus? {
        switch kind {
        case .accessCard: return try accessCardStatus(id: id, at: date)
        case .temporaryPass: return try temporaryPassStatus(id: id, at: date)
        case .emergencyPass: return try emergencyPassStatus(id: id, at: date)
        case .exitSlip: return try exitSlipStatus(id: id, at: date)
        }
    }

    private func accessCardStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        try GateEntries.card(id: Int64(id), in: db)?.status(at: date, timeZone: timeZone)
    }
}

extension SiteArea {
    /// The one verifier, for this site's credentials.
    public var verifier: CredentialVerifier { CredentialVerifier(site: policy.site.code) }
}

extension Credentials {
    /// Decides a scanned credential against the service's own records.
    public func verifyCredential(_ scanned: String, at date: Date? = nil) throws -> Decision {
        let now = date ?? clock.now()
        return try store.pool.read { db in
            try verifier.verify(
                scanned, at: now, records: ServiceRecords(db: db, keyring: keyring, timeZone: policy.site.timeZone))
        }
    }
}
