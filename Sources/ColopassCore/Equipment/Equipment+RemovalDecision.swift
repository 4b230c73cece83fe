import Foundation
import GRDB

/// Customer service checks the equipment against the request and decides it (Q4, Q5). No one
/// checks, approves or rejects a request they filed themselves (R2).
extension Equipment {
    /// Q4, Q5: the serials seen (and counts of unlabelled parts, by model) must match the request
    /// exactly; a mismatch is refused with what is missing and what is extra.
    public func checkRemoval(
        _ number: RemovalNumber, serials: [String], counts: [String: Int] = [:], by actor: Actor
    ) throws -> RemovalView {
        let seen = Set(try serials.map { try EquipmentInput.serial($0, field: "serials") })
        let seenCounts = try Dictionary(
            counts.map { (try Validate.name($0.key, field: "counts", max: 60).uppercased(), $0.value) },
            uniquingKeysWith: +)
        return try decideRemoval(number, by: actor, action: "removal.check") { tx, request in
            guard request.status == .filed || request.status == .checked else {
                throw removalStateRefusal(request)
            }
            let items = try removalItems(request, tx.db)
            try requireStillOnSite(items, request, tx)
            let expected = Set(items.compactMap(\.serial))
            let expectedCounts = Dictionary(
                items.filter { $0.serial == nil }.map { ($0.model.uppercased(), $0.quantity) }, uniquingKeysWith: +)
            let missing = expected.subtracting(seen).sorted()
            let extra = seen.subtracting(expected).sorted()
            let miscounted = Set(expectedCounts.keys).union(seenCounts.keys).sorted()
                .filter { expectedCounts[$0, default: 0] != seenCounts[$0, default: 0] }
                .map { "\($0) \(seenCounts[$0, default: 0])/\(expectedCounts[$0, default: 0])" }
            guard missing.isEmpty, extra.isEmpty, miscounted.isEmpty else {
                let detail = "missing \(missing), extra \(extra), counts \(miscounted)"
                throw policy.refusal(
                    request.kind.facet(Q4.mismatch, Q5.mismatch), zh: "设备与申请不符：缺 \(missing)，多 \(extra)，数量 \(miscounted)",
                    en: "the equipment does not match the request: \(detail)")
            }
            request.status = .checked
            request.checkedAt = tx.now
            request.checkedBy = tx.actor.name
        }
    }

    /// Issues the exit slip: signed, valid on the removal date only (site time), used once.
    public func approveRemoval(_ number: RemovalNumber, by actor: Actor) throws -> RemovalView {
        try decideRemoval(number, by: actor, action: "removal.approve") { tx, request in
            guard request.status == .checked else {
                if request.status == .filed {
                    throw policy.refusal(
                        request.kind.facet(Q4.unchecked, Q5.unchecked), zh: "须先核对设备再开具出门条",
                        en: "the equipment is checked before an exit slip is issued")
                }
                throw removalStateRefusal(request)
            }
            guard request.removalDate >= tx.today else {
                throw policy.refusal(
                    request.kind.facet(Q4.date, Q5.date), zh: "搬出日期 \(request.removalDate) 已过",
                    en: "the removal date \(request.removalDate) has passed")
            }
            if request.kind == .repair {
                try requireRepairContract(try Contract.fetchOne(tx.db, key: request.contractId)!, tx)
            }
            try requireStillOnSite(try removalItems(request, tx.db), request, tx)
            let slip = try issueExitSlip(for: request, tx)
            try tx.audit("exitslip.issue", "exit_slip", key: slip.number, after: slip, clause: request.kind.clause)
            request.status = .approved
            request.decidedAt = tx.now
            request.decidedBy = tx.actor.name
        }
    }

    public func rejectRemoval(_ number: RemovalNumber, reason: String, by actor: Actor) throws -> RemovalView {
        let reason = try EquipmentInput.reason(reason)
        return try decideRemoval(number, by: actor, action: "removal.reject") { tx, request in
            guard request.status == .filed || request.status == .checked else { throw removalStateRefusal(request) }
            request.status = .rejected
            request.rejectReason = reason
            request.decidedAt = tx.now
            request.decidedBy = tx.actor.name
        }
    }

    /// The client (or customer service) withdraws a request; an exit slip already issued is voided.
    public func cancelRemoval(_ number: RemovalNumber, reason: String, by actor: Actor) throws -> RemovalView {
        let reason = try EquipmentInput.reason(reason)
        return try changeRemoval(number, by: actor, permission: .fileRemoval, action: "removal.cancel") {
            tx, request in
            guard request.status.isOpen else { throw removalStateRefusal(request) }
            try voidExitSlip(of: request, reason: reason, clause: request.kind.clause, tx)
            request.status = .cancelled
            request.cancelledAt = tx.now
            request.cancelReason = reason
        }
    }

    private func requireStillOnSite(_ items: [RemovalItem], _ request: RemovalRequest, _ tx: Transaction) throws {
        let ids = items.map(\.itemId)
        let onSite = try InventoryItem.filter(ids.contains(InventoryItem.Columns.id) && InventoryItem.Columns.status == "on_site")
            .fetchCount(tx.db)
        guard onSite == ids.count else {
            throw policy.refusal(
                request.kind.facet(Q4.notInInventory, Q5.notInInventory), zh: "申请中的设备已不在架",
                en: "some equipment on the request is no longer on site")
        }
    }

    func removalStateRefusal(_ request: RemovalRequest) -> CoreError {
        policy.refusal(
            request.kind.facet(Q4.state, Q5.state), zh: "申请 \(request.number) 当前为 \(request.status.rawValue)，不能办理",
            en: "request \(request.number) is \(request.status.rawValue); not possible now")
    }

    private func decideRemoval(
        _ number: RemovalNumber, by actor: Actor, action: String, _ change: (Transaction, inout RemovalRequest) throws -> Void
    ) throws -> RemovalView {
        try changeRemoval(number, by: actor, permission: .decideRemoval, action: action) { tx, request in
            guard tx.actor.name != request.filedBy else {
                throw policy.refusal(
                    R2.ownRequest, zh: "不能核对或审批自己提交的申请", en: "no one checks or decides a request they filed")
            }
            try change(tx, &request)
        }
    }

    func changeRemoval(
        _ number: RemovalNumber, by actor: Actor, permission: Permission, action: String,
        _ change: (Transaction, inout RemovalRequest) throws -> Void
    ) throws -> RemovalView {
        let id = number.id
        return try perform(actor, permission, action: action) { tx in
            let before = try fetchRemoval(id, tx.db)
            try tx.requireOwnClient(before.clientId)
            var request = before
            request.updatedAt = tx.now
            try change(tx, &request)
            try request.update(tx.db)
            try tx.audit(action, "removal_request", key: request.number, before: before, after: request,
                clause: request.kind.clause)
            return try removalView(request, tx.db)
        }
    }
}
