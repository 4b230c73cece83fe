import Foundation
import GRDB

extension ServiceRecords {
    /// C7: the status of a temporary pass, for the verifier. Nil: no such pass. The pass is as
    /// good as its contract: one that stopped being in force denies it even before C9's cascade.
    func temporaryPassStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        guard let pass = try TemporaryPass.fetchOne(db, key: Int64(id)) else { return nil }
        let contract = try pass.contractId.flatMap { try Contract.fetchOne(db, key: $0) }
        return status(of: pass, at: date, contractInForce: contract?.isInForce(on: Day(date, in: timeZone)) ?? false)
    }

    /// C6: the status of an emergency pass, for the verifier. Nil: no such pass. C6 asks for no
    /// contract, so that check always passes; the ID check at the door is the gate's to enforce.
    func emergencyPassStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        guard let pass = try EmergencyPass.fetchOne(db, key: Int64(id)) else { return nil }
        return status(of: pass, at: date, contractInForce: true)
    }

    /// Passes are never reissued (generation 1) and name no registered person (holder active).
    private func status<Kind: PassKind>(of pass: EntryPass<Kind>, at date: Date, contractInForce: Bool)
        -> CredentialStatus
    {
        let state: CredentialStatus.State =
            switch pass.status {
            case .revoked: .cancelled
            case .active: date >= pass.validUntil ? .expired : .active
            }
        return CredentialStatus(
            kind: Kind.credentialKind, credentialId: UInt32(pass.id), generation: 1, state: state,
            contractInForce: contractInForce, holderActive: true)
    }
}
