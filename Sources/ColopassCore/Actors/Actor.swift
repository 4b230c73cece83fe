/// Who performs an action: an active account, or the system itself (set-up and cascades it runs).
public struct Actor: Sendable, Equatable {
    public let name: String
    public let role: Role?
    public let clientId: Int64?
    /// The session or token the actor proved itself with ("session 12", "api token 7"), written
    /// into every audit record it causes; nil for the system and for calls inside the core.
    public private(set) var credential: String?

    /// Set-up (`colopass init`, the demo site): may do anything, and is named as such in the audit.
    public static let system = Actor(name: "system", role: nil, clientId: nil)

    public init(account: Account) {
        name = account.name
        role = account.role
        clientId = account.clientId
    }

    private init(name: String, role: Role?, clientId: Int64?) {
        self.name = name
        self.role = role
        self.clientId = clientId
    }

    public var isSystem: Bool { role == nil }

    /// The same actor, proven by `credential`.
    public func proven(by credential: String) -> Actor {
        var actor = self
        actor.credential = credential
        return actor
    }

    /// Whether the permission table lets this actor do it: the same table `authorize` enforces,
    /// asked by shells that only offer what would be allowed.
    public func may(_ permission: Permission) -> Bool {
        role.map { permission.roles.contains($0) } ?? true
    }
}
