import Foundation

/// What the asker may do on a removal request or a work order line now (Q1, Q2, Q4, Q5, R2).
public struct RemovalOffers: Sendable, Equatable {
    public var check = false
    public var approve = false
    public var reject = false
    public var printExitSlip = false
    /// The client prints its own valid slip to hand to the guard.
    public var printOwnExitSlip = false
    /// The client (or the desk for it) withdraws a request not yet carried out.
    public var withdraw = false
}

public struct WorkOrderOffers: Sendable, Equatable {
    /// Lines may be accepted or refused now.
    public var accept = false
    /// Open, but its racking time has not come: when it does (Q1).
    public var notBefore: Date?
    /// A draft takes lines.
    public var addItems = false
    /// A draft with lines, still the lead time or more before racking (Q1).
    public var issue = false
    /// A draft whose racking time is now too close to issue it: the latest it could have been (Q1).
    public var issueTooLate: Date?
    /// Withdrawn while nothing on it was accepted.
    public var cancel = false
    /// Acceptance ends: what has not arrived is recorded short (Q2).
    public var close = false

    public init(accept: Bool = false, notBefore: Date? = nil) {
        self.accept = accept
        self.notBefore = notBefore
    }
}

extension Equipment {
    public func offers(_ view: RemovalView, to actor: Actor) -> RemovalOffers {
        let request = view.request
        let may = actor.may(.decideRemoval) && request.filedBy != actor.name
        let open = request.status == .filed || request.status == .checked
        return RemovalOffers(
            check: may && open, approve: may && request.status == .checked, reject: may && open,
            printExitSlip: actor.may(.decideRemoval) && view.exitSlip != nil,
            printOwnExitSlip: actor.role == .clientUser && actor.may(.fileRemoval) && actor.owns(request.clientId)
                && view.exitSlip?.status == .valid,
            withdraw: actor.may(.fileRemoval) && actor.owns(request.clientId) && request.status.isOpen)
    }

    public func offers(_ view: WorkOrderView, to actor: Actor, at now: Date? = nil) -> WorkOrderOffers {
        let order = view.order
        let now = now ?? clock.now()
        var offers = WorkOrderOffers()
        if actor.may(.fileWorkOrder), actor.owns(order.clientId) {
            let lead = TimeInterval(policy.parameters.workOrderLeadHours) * 3600
            let draft = order.status == .draft
            offers.addItems = draft
            offers.issue = draft && !view.lines.isEmpty && order.plannedAt.timeIntervalSince(now) >= lead
            offers.issueTooLate = draft && order.plannedAt.timeIntervalSince(now) < lead ? order.plannedAt.addingTimeInterval(-lead) : nil
            offers.cancel = draft || order.status == .issued
        }
        guard actor.may(.acceptEquipment), order.status == .issued || order.status == .accepting,
            actor.name != order.createdBy, actor.name != order.issuedBy
        else { return offers }
        if now < order.plannedAt {
            offers.notBefore = order.plannedAt
            return offers
        }
        offers.accept = true
        offers.close = true
        return offers
    }
}
