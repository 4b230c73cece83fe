/// Who may do what: the whole table in one place. A refusal names the clause of the permission.
public enum Permission: String, Sendable, CaseIterable {
    case manageAccounts
    case manageClients
    case manageContracts
    case managePersonnel
    case viewRegistry
    case viewAudit
    case manageKeys
    case issueCards
    case reportCardLost
    case returnCards

    public var roles: Set<Role> {
        switch self {
        case .manageAccounts, .manageKeys: [.admin]
        case .manageClients, .issueCards, .returnCards: [.customerService]
        case .manageContracts: [.customerService, .supervisor]
        // A client reports its own staff changes and lost cards (C4, C5); customer service may too.
        case .managePersonnel, .reportCardLost: [.customerService, .clientUser]
        case .viewRegistry: [.admin, .customerService, .supervisor, .guard, .clientUser]
        case .viewAudit: [.admin, .supervisor]
        }
    }

    /// The clause a refusal of this permission cites.
    public var clause: String {
        switch self {
        case .issueCards: "C1.role"
        default: "R1.role"
        }
    }
}
