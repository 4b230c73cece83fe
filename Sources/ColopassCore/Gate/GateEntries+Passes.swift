import GRDB

extension GateEntries {
    /// Temporary passes, emergency passes and exit slips, as the door sees them.
    static func passOrSlipEntry(kind: CredentialKind, id: Int64, in db: Database) throws -> GateEntry? {
        switch kind {
        case .temporaryPass:
            guard let pass = try TemporaryPass.fetchOne(db, key: id) else { return nil }
            let reason = try String.fetchOne(
                db, sql: "SELECT reason FROM visit_request WHERE id = ?", arguments: [pass.requestId])
            return try entry(for: pass, reason: reason, db)
        case .emergencyPass:
            guard let pass = try EmergencyPass.fetchOne(db, key: id) else { return nil }
            let reason = try String.fetchOne(
                db, sql: "SELECT reason FROM emergency_entry WHERE id = ?", arguments: [pass.requestId])
            return try entry(for: pass, reason: reason, db)
        case .exitSlip:
            return try exitSlipEntry(id: id, in: db)
        case .accessCard:
            return nil
        }
    }

    /// A pass names no registered person, so its holder is always "active"; a temporary pass is
    /// as good as its contract (C7), an emergency pass needs none (C6).
    private static func entry<Kind: PassKind>(for pass: EntryPass<Kind>, reason: String?, _ db: Database) throws
        -> GateEntry?
    {
        guard let client = try Client.fetchOne(db, key: pass.clientId) else { return nil }
        let contract = try pass.contractId.flatMap { try Contract.fetchOne(db, key: $0) }
        return GateEntry(
            kind: Kind.credentialKind, credentialId: UInt32(pass.id), generation: 1,
            state: pass.status == .revoked ? .cancelled : .active, holderActive: true,
            contractStatus: pass.contractId == nil ? nil : GateEntry.ContractState(contract?.status ?? .terminated),
            contractStartsOn: contract?.startsOn, contractEndsOn: contract?.endsOn, validFrom: pass.validFrom,
            validUntil: pass.validUntil, holderName: pass.visitorName, company: client.name,
            maskedID: pass.maskedIDNumber, photo: nil, escortRequired: pass.escortRequired,
            details: [pass.number] + (reason.map { ["事由 / reason: \($0)"] } ?? []), stoppedUnder: pass.stopClause)
    }
}
