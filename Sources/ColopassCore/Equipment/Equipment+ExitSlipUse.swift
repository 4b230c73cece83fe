import Foundation
import GRDB

/// What the guard's scan did: the slip, now used, and the request it carried out.
public struct ExitSlipUse: Sendable, Codable {
    public var slip: ExitSlip
    public var removal: RemovalView
}

extension Equipment {
    /// Q4, Q5: the guard lets the equipment out on the slip, once. In one transaction the slip is
    /// marked used and the exit takes effect: decommissioned items leave the inventory and give
    /// their IPs and ports back; items out for repair keep theirs.
    public func useExitSlip(_ scanned: String, by actor: Actor) throws -> ExitSlipUse {
        let reference = try ExitSlipReference(scanned)
        return try perform(actor, .operateGate, action: "exitslip.use") { tx in
            let before = try fetchExitSlip(reference.id, tx.db)
            try requireUsable(before, tx)
            if case .scanned(let signed) = reference {
                let records = ServiceRecords(db: tx.db, keyring: keyring, timeZone: policy.site.timeZone)
                if case .denied(let reason) = try verifier.verify(signed, at: tx.now, records: records) {
                    throw policy.refusal(reason.clause, zh: reason.message.zh, en: reason.message.en)
                }
            }
            let request = try fetchRemoval(before.requestId, tx.db)
            guard request.status == .approved else { throw removalStateRefusal(request) }
            try carryOut(request, tx)
            let slip = try markUsed(before, at: tx.now, by: tx.actor.name, tx)
            return ExitSlipUse(slip: slip, removal: try removalView(try fetchRemoval(request.id, tx.db), tx.db))
        }
    }

    /// The desk judges a slip typed by its number from the same gate entry and the same rule as
    /// the door (`CredentialVerifier.denial`), so both cite Q4 or Q5 (or C9) alike.
    private func requireUsable(_ slip: ExitSlip, _ tx: Transaction) throws {
        guard let entry = try GateEntries.exitSlipEntry(id: slip.id, in: tx.db) else {
            throw CoreError.notFound(entity: "exit slip", key: slip.number)
        }
        let status = entry.status(at: tx.now, timeZone: policy.site.timeZone)
        let wrongDay: DenyReason = status.slipPurpose == .repair ? .repairSlipWrongDay : .slipWrongDay
        switch CredentialVerifier.denial(of: status) ?? (tx.today == slip.validOn ? nil : wrongDay) {
        case nil:
            return
        case .alreadyUsed?, .repairSlipUsed?:
            let when = slip.usedAt.map { SiteTime.format($0, in: policy.site.timeZone) } ?? "?"
            throw policy.refusal(
                (status.slipPurpose == .repair ? DenyReason.repairSlipUsed : .alreadyUsed).clause,
                zh: "出门条 \(slip.number) 已于 \(when) 使用，只能使用一次",
                en: "exit slip \(slip.number) was used at \(when); a slip is used once")
        case .slipWrongDay?, .repairSlipWrongDay?:
            throw policy.refusal(
                wrongDay.clause, zh: "出门条只在 \(slip.validOn) 当天有效", en: "the exit slip is valid on \(slip.validOn) only")
        case let reason?:
            throw policy.refusal(
                reason.clause, zh: "出门条 \(slip.number)：\(reason.message.zh)", en: "exit slip \(slip.number): \(reason.message.en)")
        }
    }

    /// The slip is spent: when and by whom (a guard's name, or `guard@gate` for an uploaded event).
    func markUsed(_ before: ExitSlip, at date: Date, by who: String, _ tx: Transaction) throws -> ExitSlip {
        var slip = before
        slip.status = .used
        slip.usedAt = date
        slip.usedBy = who
        slip.updatedAt = tx.now
        try slip.update(tx.db)
        try tx.audit("exitslip.use", "exit_slip", key: slip.number, before: before, after: slip, clause: Q4.used)
        return slip
    }

    func carryOut(_ before: RemovalRequest, _ tx: Transaction) throws {
        for listed in try removalItems(before, tx.db) {
            let item = try InventoryItem.fetchOne(tx.db, key: listed.itemId)!
            switch before.kind {
            case .decommission:
                try releaseAllocations(of: item, tx)
                try moveItem(item, to: .removed, action: "inventory.remove", clause: .Q4, tx)
            case .repair:
                try moveItem(item, to: .outForRepair, action: "inventory.out_for_repair", clause: .Q5, tx)
            }
        }
        var request = before
        request.status = .exited
        request.exitedAt = tx.now
        request.updatedAt = tx.now
        try request.update(tx.db)
        try tx.audit("removal.exit", "removal_request", key: request.number, before: before, after: request,
            clause: request.kind.clause)
    }

    func moveItem(
        _ before: InventoryItem, to status: InventoryItem.Status, action: String, clause: ClauseID, _ tx: Transaction
    ) throws {
        var item = before
        item.status = status
        item.removedAt = status == .removed ? tx.now : nil
        item.updatedAt = tx.now
        try item.update(tx.db)
        try tx.audit(action, "inventory_item", key: item.number, before: before, after: item, clause: clause)
    }

    func fetchExitSlip(_ id: Int64, _ db: Database) throws -> ExitSlip {
        guard let slip = try ExitSlip.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: "exit slip", key: EquipmentNumber.make(EquipmentNumber.exitSlip, id))
        }
        return slip
    }
}
