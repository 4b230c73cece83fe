import Foundation

/// What the asker may do on a removal request or a work order line now (Q1, Q2, Q4, Q5, R2).
public struct RemovalOffers: Sendable, Equatable {
    public var check = false
    public var approve = false
    public var reject = false
    public var printExitSlip = false
    /// The client (or the desk for it) withdraws a request not yet carried out.
    public var withdraw = false
}

public struct WorkOrderOffers: Sendable, Equatable {
    /// Lines may be accepted or refused now.
    public var accept = false
    /// Open, but its racking time has not come: when it does (Q1).
    public var notBefore: Date?
}

extension Equipment {
    public func offers(_ view: RemovalView, to actor: Actor) -> RemovalOffers {
        let request = view.request
        let may = actor.may(.decideRemoval) && request.filedBy != actor.name
        let open = request.status == .filed || request.status == .checked
        return RemovalOffers(
            check: may && open, approve: may && request.status == .checked, reject: may && open,
            printExitSlip: actor.may(.decideRemoval) && view.exitSlip != nil,
            withdraw: actor.may(.fileRemoval) && actor.owns(request.clientId) && request.status.isOpen)
    }

    public func offers(_ view: WorkOrderView, to actor: Actor, at now: Date? = nil) -> WorkOrderOffers {
        let order = view.order
        guard actor.may(.acceptEquipment), order.status == .issued || order.status == .accepting,
            actor.name != order.createdBy, actor.name != order.issuedBy
        else { return WorkOrderOffers() }
        if (now ?? clock.now()) < order.plannedAt { return WorkOrderOffers(accept: false, notBefore: order.plannedAt) }
        return WorkOrderOffers(accept: true)
    }
}
