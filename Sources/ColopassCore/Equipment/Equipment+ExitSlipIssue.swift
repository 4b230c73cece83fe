import Foundation
import GRDB

/// Exit slips come into being on approval and stop verifying when their request ends (Q4, C9).
extension Equipment {
    func issueExitSlip(for request: RemovalRequest, _ tx: Transaction) throws -> ExitSlip {
        let id = try Store.nextID(of: ExitSlip.databaseTableName, in: tx.db)
        let zone = policy.site.timeZone
        let (from, until) = (request.removalDate.start(in: zone), request.removalDate.end(in: zone))
        let signed = try credentials.sign({ key in
            Credential(
                kind: .exitSlip, keyId: key, credentialId: UInt32(id), generation: 1, site: policy.site.code,
                validFrom: from, validUntil: until)
        }, in: tx)
        let slip = ExitSlip(
            id: id, number: EquipmentNumber.make(EquipmentNumber.exitSlip, id), requestId: request.id,
            clientId: request.clientId, validOn: request.removalDate, validFrom: from, validUntil: until,
            keyId: Int64(signed.credential.keyId), credential: signed.text, status: .valid, issuedAt: tx.now,
            issuedBy: tx.actor.name, usedAt: nil, usedBy: nil, cancelledAt: nil, cancelReason: nil, updatedAt: tx.now)
        try slip.insert(tx.db)
        return slip
    }

    /// An unused slip of the request stops verifying at once (the gate sees it on its next sync).
    func voidExitSlip(of request: RemovalRequest, reason: String, clause: ClauseID, _ tx: Transaction) throws {
        guard let before = try ExitSlip.filter(ExitSlip.Columns.requestId == request.id && ExitSlip.Columns.status == "valid")
            .fetchOne(tx.db)
        else { return }
        var slip = before
        slip.status = .cancelled
        slip.cancelledAt = tx.now
        slip.cancelReason = reason
        slip.stopClause = clause
        slip.updatedAt = tx.now
        try slip.update(tx.db)
        try tx.audit("exitslip.cancel", "exit_slip", key: slip.number, before: before, after: slip, clause: clause)
    }
}
