import Foundation

/// What the asker may decide on a temporary-entry request or an emergency now (C6, C7, R2).
public struct VisitOffers: Sendable, Equatable {
    public var decide = false
    public var withdraw = false
    /// Approved and not yet over: the passes print (the desk, or the client for its own).
    public var printPasses = false
}

public struct EmergencyOffers: Sendable, Equatable {
    public var review = false
}

extension Passes {
    public func offers(_ view: VisitRequestView, to actor: Actor, at now: Date? = nil) -> VisitOffers {
        let request = view.request
        let filed = request.status == .filed
        let open = (now ?? clock.now()) < request.windowEnd
        return VisitOffers(
            decide: actor.may(.decideVisitRequest) && filed && open && request.requestedBy != actor.name,
            withdraw: actor.may(.fileVisitRequest) && filed && request.requestedBy == actor.name,
            printPasses: actor.may(.fileVisitRequest) && actor.owns(request.clientId) && request.status == .approved && open)
    }

    public func offers(_ view: EmergencyView, to actor: Actor) -> EmergencyOffers {
        EmergencyOffers(
            review: actor.may(.reviewEmergency) && view.awaitingReview && view.entry.approvedBy != actor.name)
    }
}
