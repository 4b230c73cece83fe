import Foundation
import GRDB

extension Passes {
    /// C7: customer service approves a filed request, not their own (R2), while its window is
    /// still ahead or running and the client's contract still covers it. One signed pass per person.
    public func approveVisitRequest(_ id: Int64, by actor: Actor) throws -> VisitRequestView {
        try perform(actor, .decideVisitRequest, action: "visit.approve") { tx in
            let before = try Self.fetchVisitRequest(id, tx.db)
            try requireFiled(before, deciding: true, in: tx)
            guard tx.now < before.windowEnd else {
                throw policy.refusal(C7.window, zh: "申请的进入时段已结束", en: "the requested window is already over")
            }
            let contract = try visitContract(
                try Registry.fetchClient(before.clientId, tx.db), windowEnd: before.windowEnd, in: tx)
            var request = before
            request.contractId = contract.id
            request.status = .approved
            request.decidedBy = tx.actor.name
            request.decidedAt = tx.now
            request.updatedAt = tx.now
            try request.update(tx.db)
            try tx.audit(
                "visit.approve", "visit_request", key: String(id), before: before, after: request, clause: .C7)
            for visitor in try Self.visitors(of: id, tx.db) {
                _ = try issuePass(
                    TemporaryPassKind.self, requestId: id, clientId: request.clientId, contractId: contract.id,
                    holder: PassHolder(name: visitor.name, idType: visitor.idType, idNumber: visitor.idNumber),
                    from: request.windowStart, until: request.windowEnd,
                    escortRequired: policy.parameters.escortRequired, clause: .C7, in: tx)
            }
            return try visitView(request, tx.db, at: tx.now)
        }
    }

    /// C7: customer service turns a filed request down, with the reason the client will read.
    public func rejectVisitRequest(_ id: Int64, reason: String, by actor: Actor) throws -> VisitRequestView {
        let reason = try Validate.name(reason, field: "reason", max: 500)
        return try perform(actor, .decideVisitRequest, action: "visit.reject") { tx in
            let before = try Self.fetchVisitRequest(id, tx.db)
            try requireFiled(before, deciding: true, in: tx)
            let request = try endVisitRequest(before, as: .rejected, reason: reason, action: "visit.reject", in: tx)
            return try visitView(request, tx.db, at: tx.now)
        }
    }

    /// The requester withdraws a filed request; customer service may also call off an approved
    /// one whose window is not over, which revokes its passes at once.
    public func cancelVisitRequest(_ id: Int64, reason: String? = nil, by actor: Actor) throws -> VisitRequestView {
        let reason = try reason.map { try Validate.name($0, field: "reason", max: 500) }
        return try perform(actor, .fileVisitRequest, action: "visit.cancel") { tx in
            let before = try Self.fetchVisitRequest(id, tx.db)
            try tx.requireOwnClient(before.clientId)
            if tx.actor.role == .clientUser {
                guard before.requestedBy == tx.actor.name else {
                    throw policy.refusal(
                        C7.cancel, zh: "只有申请人或客服可以撤销申请", en: "only the requester or customer service may cancel")
                }
                try requireFiled(before, deciding: false, in: tx)
            } else if !(before.status == .filed || (before.status == .approved && tx.now < before.windowEnd)) {
                throw policy.refusal(
                    C7.state, zh: "申请已是 \(before.statusLabel(at: tx.now)) 状态，不能撤销",
                    en: "the request is \(before.statusLabel(at: tx.now)) and cannot be cancelled")
            }
            let request = try endVisitRequest(before, as: .cancelled, reason: reason, action: "visit.cancel", in: tx)
            for pass in try Self.passes(TemporaryPassKind.self, of: id, tx.db) where pass.status == .active {
                try revokePass(pass, reason: "request \(id) cancelled", clause: .C7, in: tx)
            }
            return try visitView(request, tx.db, at: tx.now)
        }
    }

    /// Only a filed request is decided or withdrawn by its requester; no one decides their own (R2).
    private func requireFiled(_ request: VisitRequest, deciding: Bool, in tx: Transaction) throws {
        guard request.status == .filed else {
            throw policy.refusal(
                C7.state, zh: "申请已是 \(request.statusLabel(at: tx.now)) 状态",
                en: "the request is already \(request.statusLabel(at: tx.now))")
        }
        if deciding, request.requestedBy == tx.actor.name {
            throw policy.refusal(R2.ownRequest, zh: "不能审批自己提交的申请", en: "no one decides their own request")
        }
    }

    /// Ends a request as rejected or cancelled, audited, with a log line for each person still
    /// without a pass (those with one get theirs when it is revoked).
    func endVisitRequest(
        _ before: VisitRequest, as status: VisitRequest.Status, reason: String?, action: String,
        clause: ClauseID = .C7, in tx: Transaction
    ) throws -> VisitRequest {
        var request = before
        request.status = status
        request.decidedBy = tx.actor.name
        request.decidedAt = tx.now
        request.decisionReason = reason
        request.updatedAt = tx.now
        try request.update(tx.db)
        try tx.audit(action, "visit_request", key: String(request.id), before: before, after: request, clause: clause)
        let event: VisitLogEntry.Event = status == .rejected ? .rejected : .cancelled
        if before.status == .filed {
            for visitor in try Self.visitors(of: request.id, tx.db) {
                try logVisit(
                    VisitLogEntry(event, visitor: visitor, request: request, at: tx.now, by: tx.actor.name), in: tx)
            }
        }
        return request
    }
}
