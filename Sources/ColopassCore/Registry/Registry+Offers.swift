import Foundation

/// What the asker may do with a contract now (D1, C9), by the states the actions check.
public struct ContractOffers: Sendable, Equatable {
    public var activate = false
    public var suspend = false
    public var terminate = false
}

extension Registry {
    public func offers(_ contract: Contract, to actor: Actor, today: Day? = nil) -> ContractOffers {
        guard actor.may(.manageContracts) else { return ContractOffers() }
        let today = today ?? Day(clock.now(), in: policy.site.timeZone)
        return ContractOffers(
            activate: (contract.status == .draft || contract.status == .suspended) && today <= contract.endsOn,
            suspend: contract.status == .active, terminate: contract.status != .terminated)
    }
}
