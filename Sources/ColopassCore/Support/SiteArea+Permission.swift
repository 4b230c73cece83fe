import Foundation

extension SiteArea {
    /// Asks, before a form is shown, whether the actor may do what it leads to: the same account
    /// and role checks as the action itself, and a refusal audited the same way.
    public func requirePermission(_ permission: Permission, by actor: Actor) throws {
        try read(actor, permission) { _ in }
    }
}
