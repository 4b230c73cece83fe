import GRDB

extension GateEntries {
    /// An exit slip as the door sees it: the items and movers the guard compares with what
    /// leaves. A slip names no registered holder; a repair slip needs its contract in force
    /// (the equipment comes back under it), a decommission does not (Q4: contract end is exactly
    /// when equipment must leave; slips issued before C9 were voided by it).
    static func exitSlipEntry(id: Int64, in db: Database) throws -> GateEntry? {
        guard let slip = try ExitSlip.fetchOne(db, key: id),
            let request = try RemovalRequest.fetchOne(db, key: slip.requestId),
            let client = try Client.fetchOne(db, key: slip.clientId)
        else { return nil }
        let contract = request.kind == .repair ? try Contract.fetchOne(db, key: request.contractId) : nil
        let items = try Row.fetchAll(
            db, sql: "SELECT item_number, kind, brand, model, serial, quantity FROM removal_item WHERE request_id = ? ORDER BY id",
            arguments: [request.id])
        let movers = try Row.fetchAll(
            db, sql: "SELECT name, id_number FROM removal_mover WHERE request_id = ? ORDER BY id", arguments: [request.id])
        let moverNames = movers.map { $0["name"] as String }
        let state: CredentialStatus.State =
            switch slip.status {
            case .valid: .active
            case .used: .used
            case .cancelled: .cancelled
            }
        return GateEntry(
            kind: .exitSlip, credentialId: UInt32(slip.id), generation: 1, state: state, holderActive: true,
            contractStatus: request.kind == .repair ? GateEntry.ContractState(contract?.status ?? .terminated) : nil,
            contractStartsOn: contract?.startsOn, contractEndsOn: contract?.endsOn, validFrom: slip.validFrom,
            validUntil: slip.validUntil, holderName: moverNames.joined(separator: "、"), company: client.name,
            maskedID: movers.first.map { IDDocument.mask($0["id_number"]) } ?? "", photo: nil, escortRequired: false,
            details: ["\(slip.number) \(request.kind.title.zh) / \(request.kind.title.en)"]
                + items.map { row in
                    let serial = (row["serial"] as String?).map { " SN \($0)" } ?? ""
                    return "设备 / item: \(row["item_number"] as String) \(row["brand"] as String) \(row["model"] as String)\(serial) ×\(row["quantity"] as Int)"
                }
                + movers.map { "搬运人 / mover: \($0["name"] as String) \(IDDocument.mask($0["id_number"]))" },
            stoppedUnder: slip.stopClause, slipPurpose: request.kind == .repair ? .repair : .decommission)
    }
}
