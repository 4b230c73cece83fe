/// R1: each action belongs to a role, and to a signed-in, active account.
public enum R1: String, ClauseFacet {
    public static let clause = ClauseID.R1
    case session
    case signin
    case throttled
    case disabled
    case role
    case csrf
    case passwordChange = "password_change"

    public var audience: Audience {
        switch self {
        case .session: .asker(.signedOut)
        case .signin: .asker(.badCredentials)
        case .throttled: .asker(.throttled)
        case .disabled: .asker(.disabled)
        case .role: .asker(.role)
        case .csrf: .asker(.csrf)
        case .passwordChange: .asker(.role)
        }
    }
}

/// R2: no one approves their own request.
public enum R2: String, ClauseFacet {
    public static let clause = ClauseID.R2
    case ownRequest = "self"

    public var audience: Audience { .asker(.separation) }
}

/// R3: a client's users see and act for their own client only.
public enum R3: String, ClauseFacet {
    public static let clause = ClauseID.R3
    case client

    public var audience: Audience { .asker(.otherClient) }
}

/// D1: the registry stays consistent: unique numbers, valid terms, states that follow.
public enum D1: String, ClauseFacet {
    public static let clause = ClauseID.D1
    case status
    case term
    case unique
}

/// G1: gate data older than the set time is stale.
public enum G1: String, ClauseFacet {
    public static let clause = ClauseID.G1
    case stale
    /// The replica holds a value this gate does not know: a newer service wrote it.
    case newer
    /// Past the warning share of the limit: still decided, with a warning, before G1.stale bites.
    case aging
}

/// G2: entering again without having left.
public enum G2: String, ClauseFacet {
    public static let clause = ClauseID.G2
    case passback
}
