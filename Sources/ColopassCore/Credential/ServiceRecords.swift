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
        guard let card = try Card.fetchOne(db, key: Int64(id)) else { return nil }
        let person = try Person.fetchOne(db, key: card.personId)
        let contract = try Contract.fetchOne(db, key: card.contractId)
        return CredentialStatus(
            kind: .accessCard, credentialId: id, generation: UInt16(clamping: card.generation),
            state: CredentialStatus.State(card: card, at: date),
            contractInForce: contract?.isInForce(on: Day(date, in: timeZone)) ?? false,
            holderActive: person?.status == .active)
    }
}

extension CredentialStatus.State {
    init(card: Card, at date: Date) {
        switch card.status {
        case .active: self = card.isExpired(at: date) ? .expired : .active
        case .lost: self = .lost
        case .cancelled: self = .cancelled
        case .returned: self = .returned
        }
    }
}

extension Core {
    public var verifier: CredentialVerifier { CredentialVerifier(site: policy.site.code) }

    /// Decides a scanned credential against the service's own records.
    public func verifyCredential(_ scanned: String, at date: Date? = nil) throws -> Decision {
        let now = date ?? clock.now()
        return try store.pool.read { db in
            try verifier.verify(
                scanned, at: now, records: ServiceRecords(db: db, keyring: keyring, timeZone: policy.site.timeZone))
        }
    }
}
