/// C1: a card against a photo, an ID copy and a letter, within the per-client limit.
public enum C1: String, ClauseFacet {
    public static let clause = ClauseID.C1
    case photo
    case idCopy = "id_copy"
    case letter
    case limit
    /// A card scanned before or after its validity.
    case validity
    /// Only customer service issues cards.
    case role

    public var audience: Audience { self == .role ? .asker(.role) : .request }
}

/// C2: cards go only to clients with a hosting contract in force.
public enum C2: String, ClauseFacet {
    public static let clause = ClauseID.C2
    case contract
}

/// C3: a card is personal: one per person.
public enum C3: String, ClauseFacet {
    public static let clause = ClauseID.C3
    case oneCard = "one_card"
}

/// C4: a lost card is reported and cancelled at once.
public enum C4: String, ClauseFacet {
    public static let clause = ClauseID.C4
    case state
    case lost
}

/// C5: a staff change cancels the card.
public enum C5: String, ClauseFacet {
    public static let clause = ClauseID.C5
    case departed
    case state
    case cancelled
}

/// C8: a lost card is reissued against the client's letter; the old one is void.
public enum C8: String, ClauseFacet {
    public static let clause = ClauseID.C8
    case letter
    case notLost = "not_lost"
    case superseded
}

/// C9: at contract end every card is returned and cancelled.
public enum C9: String, ClauseFacet {
    public static let clause = ClauseID.C9
    case state
    case terminated
    case returned
    case contract
}
