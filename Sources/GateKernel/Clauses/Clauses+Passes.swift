/// C6: emergency entry with a supervisor's approval and a valid ID shown at the door.
public enum C6: String, ClauseFacet {
    public static let clause = ClauseID.C6
    case client
    case idMismatch = "id_mismatch"
    case reviewed
    case state
    case window
    /// The guard did not confirm the ID document.
    case id
    /// Only a supervisor approves or reviews.
    case approver

    public var audience: Audience { self == .approver ? .asker(.approver) : .request }
}

/// C7: temporary entry on the client's advance letter, approved by customer service.
public enum C7: String, ClauseFacet {
    public static let clause = ClauseID.C7
    case cancel
    case contract
    case letter
    case notice
    case state
    case window
    /// The request was withdrawn or cancelled: its passes stopped with it.
    case withdrawn
    case approver
    /// The clerk has not ticked every item the sealed letter must show.
    case checklist
    /// The host named for the visitors is not one of the client's people its administrator lets host.
    case host

    public var audience: Audience { self == .approver ? .asker(.approver) : .request }
}
