import Foundation
import GRDB

/// One person named on a pass: who, and the document the guard compares.
struct PassHolder: Sendable {
    var name: String
    var idType: IDDocumentType
    var idNumber: String
}

extension Passes {
    /// Signs and stores one pass for one person and one window, audits it and logs its issue.
    /// The stored window is the credential's (whole seconds), so what the QR says is what we say.
    func issuePass<Kind: PassKind>(
        _ kind: Kind.Type, requestId: Int64, clientId: Int64, contractId: Int64?, holder: PassHolder,
        from: Date, until: Date, escortRequired: Bool, clause: ClauseID, in tx: Transaction
    ) throws -> EntryPass<Kind> {
        let id = try Store.nextID(of: Kind.table, in: tx.db)
        let signed = try credentials.sign(
            { key in
                Credential(
                    kind: Kind.credentialKind, keyId: key, credentialId: UInt32(id), generation: 1,
                    site: policy.site.code,
                    validFrom: from, validUntil: until)
            }, in: tx)
        let pass = EntryPass<Kind>(
            id: id, number: PassNumber.make(Kind.self, site: policy.site.code, sequence: id), requestId: requestId,
            clientId: clientId, contractId: contractId, visitorName: holder.name, idType: holder.idType,
            idNumber: holder.idNumber, status: .active, escortRequired: escortRequired,
            validFrom: signed.credential.validFromDate, validUntil: signed.credential.validUntilDate,
            keyId: Int64(signed.credential.keyId), credential: signed.text, issuedAt: tx.now, issuedBy: tx.actor.name,
            revokedAt: nil, revokeReason: nil, idConfirmedBy: nil, idConfirmedAt: nil, updatedAt: tx.now)
        try pass.insert(tx.db)
        try tx.audit("\(Kind.table).issue", Kind.table, key: pass.number, after: pass.masked, clause: clause)
        try logVisit(VisitLogEntry(.passIssued, pass: pass, at: tx.now, by: tx.actor.name), in: tx)
        return pass
    }

    /// Takes a pass out of service at once; the gate learns it from `updated_at`.
    @discardableResult
    func revokePass<Kind: PassKind>(
        _ before: EntryPass<Kind>, reason: String, clause: ClauseID, in tx: Transaction
    ) throws -> EntryPass<Kind> {
        var pass = before
        pass.status = .revoked
        pass.revokedAt = tx.now
        pass.revokeReason = reason
        pass.stopClause = clause
        pass.updatedAt = tx.now
        try pass.update(tx.db)
        try tx.audit(
            "\(Kind.table).revoke", Kind.table, key: pass.number, before: before.masked, after: pass.masked,
            clause: clause)
        try logVisit(VisitLogEntry(.passRevoked, pass: pass, at: tx.now, by: tx.actor.name), in: tx)
        return pass
    }

    /// The passes of one request (temporary) or one emergency entry, in issue order.
    static func passes<Kind: PassKind>(_ kind: Kind.Type, of requestId: Int64, _ db: Database) throws -> [EntryPass<
        Kind
    >] {
        try EntryPass<Kind>.filter(PassColumns.requestId == requestId).order(PassColumns.id).fetchAll(db)
    }

    static func fetchPass<Kind: PassKind>(_ kind: Kind.Type, number: String, _ db: Database) throws -> EntryPass<Kind> {
        guard let pass = try EntryPass<Kind>.filter(PassColumns.number == number).fetchOne(db) else {
            throw CoreError.notFound(entity: Kind.credentialKind.title.en, key: number)
        }
        return pass
    }
}

/// A pass as screens and JSON show it: ID masked, and the status word of now ("expired" too).
public struct PassView<Kind: PassKind>: Sendable, Codable, Equatable {
    public var pass: EntryPass<Kind>
    public var status: String

    init(_ pass: EntryPass<Kind>, at now: Date) {
        self.pass = pass.masked
        status = pass.statusLabel(at: now)
    }
}
