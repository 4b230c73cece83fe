import Foundation

/// What the asker may do to an account: an admin resets or disables any active account but
/// their own (they would lock themselves out).
public struct AccountOffers: Sendable, Equatable {
    public var resetPassword = false
    public var disable = false
}

extension Accounts {
    public func offers(_ account: Account, to actor: Actor) -> AccountOffers {
        let may = actor.may(.manageAccounts) && account.status == .active && account.name != actor.name
        return AccountOffers(resetPassword: may, disable: may)
    }
}
