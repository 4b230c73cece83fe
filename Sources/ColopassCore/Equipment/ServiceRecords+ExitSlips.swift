import Foundation
import GRDB

extension ServiceRecords {
    /// Q4, Q5: the status of an exit slip, for the verifier. Nil: no such slip.
    ///
    /// A slip has no holder in the registry (the guard checks the movers' documents by eye), so
    /// `holderActive` is always true. A repair slip needs its contract in force, since the
    /// equipment comes back under it; a decommission does not, because the end of a contract is
    /// exactly when equipment must leave (slips issued before the end were voided by C9).
    func exitSlipStatus(id: UInt32, at date: Date) throws -> CredentialStatus? {
        guard let slip = try ExitSlip.fetchOne(db, key: Int64(id)) else { return nil }
        let request = try RemovalRequest.fetchOne(db, key: slip.requestId)
        var contractInForce = true
        if request?.kind != .decommission {
            let contract = try request.flatMap { try Contract.fetchOne(db, key: $0.contractId) }
            contractInForce = contract?.isInForce(on: Day(date, in: timeZone)) ?? false
        }
        return CredentialStatus(
            kind: .exitSlip, credentialId: id, generation: 1, state: CredentialStatus.State(slip: slip, at: date),
            contractInForce: contractInForce, holderActive: true)
    }
}

extension CredentialStatus.State {
    init(slip: ExitSlip, at date: Date) {
        switch slip.status {
        case .used: self = .used
        case .cancelled: self = .cancelled
        case .valid: self = date >= slip.validUntil ? .expired : .active
        }
    }
}
