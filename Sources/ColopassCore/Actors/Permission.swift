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
    // Temporary and emergency entry (C6, C7)
    case fileVisitRequest
    case decideVisitRequest
    case approveEmergency
    case reviewEmergency
    case confirmAtGate
    case viewVisitorLog
    // Equipment in and out (Q1–Q5)
    case fileWorkOrder
    case acceptEquipment
    case manageIPPools
    case fileRemoval
    case decideRemoval
    // The door
    case operateGate
    /// Who is inside now (the muster list): the site's staff, never a client (S3).
    case viewOccupancy
    /// Mark a gate alert (G3 let-out, a slip used twice) as looked into: the desk and supervisors.
    case acknowledgeGateAlerts
    // The service desk (K1–K9)
    /// Open a ticket, or add the client's words to one: staff, and a client user for its own client.
    case fileTicket
    /// Reply, hand over, resolve, reopen, fault analysis, contact forms, follow-up calls, surveys.
    case handleTicket
    case viewTickets
    case assignAccountManager
    case manageDutyRoster
    case viewServiceReports
    /// The desk's review of documents a client supplied (photos, ID copies, letters).
    case reviewDocuments
    /// Notifications: the site's own subscriptions, the SMTP settings and every delivery's state.
    case manageNotifications
    /// A client's own subscriptions (its administrator's; checked in the core).
    case subscribeNotifications
    /// A client's people's entries and exits (a client sees its own, R3).
    case viewAccessLog

    public var roles: Set<Role> {
        switch self {
        case .manageAccounts, .manageKeys, .manageIPPools: [.admin]
        case .manageClients, .issueCards, .returnCards, .decideVisitRequest, .decideRemoval: [.customerService]
        case .manageContracts: [.customerService, .supervisor]
        // A client reports its own staff changes and lost cards (C4, C5); customer service may too.
        case .managePersonnel, .reportCardLost: [.customerService, .clientUser]
        case .fileVisitRequest, .fileWorkOrder, .fileRemoval: [.customerService, .clientUser]
        case .viewRegistry: [.admin, .customerService, .supervisor, .guard, .clientUser]
        case .viewAudit: [.admin, .supervisor]
        case .approveEmergency, .reviewEmergency: [.supervisor]
        case .acceptEquipment: [.customerService, .supervisor]
        case .confirmAtGate, .operateGate: [.guard]
        case .viewVisitorLog: [.customerService, .supervisor, .admin]
        case .viewOccupancy: [.guard, .customerService, .supervisor, .admin]
        case .acknowledgeGateAlerts: [.customerService, .supervisor]
        case .fileTicket, .viewTickets: [.customerService, .supervisor, .clientUser]
        case .handleTicket, .assignAccountManager: [.customerService, .supervisor]
        case .manageDutyRoster: [.supervisor]
        case .viewServiceReports: [.customerService, .supervisor, .admin]
        case .reviewDocuments: [.customerService]
        case .manageNotifications: [.admin]
        case .subscribeNotifications: [.clientUser]
        case .viewAccessLog: [.clientUser, .customerService, .supervisor, .admin]
        }
    }

    /// The clause a refusal of this permission cites.
    public var clause: Clause {
        switch self {
        case .issueCards: Clause(C1.role)
        case .decideVisitRequest: Clause(C7.approver)
        case .approveEmergency, .reviewEmergency: Clause(C6.approver)
        case .acceptEquipment: Clause(Q2.role)
        case .decideRemoval: Clause(Q4.approver)
        default: Clause(R1.role)
        }
    }
}
