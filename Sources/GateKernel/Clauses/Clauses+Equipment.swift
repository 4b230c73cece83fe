/// Q1: a work order at least the lead time before racking.
public enum Q1: String, ClauseFacet {
    public static let clause = ClauseID.Q1
    case contract
    case empty
    case leadTime = "lead_time"
    case rack
    case state
    case tooEarly = "too_early"
}

/// Q2: arrivals are checked against the order; nothing else enters.
public enum Q2: String, ClauseFacet {
    public static let clause = ClauseID.Q2
    case duplicateSerial = "duplicate_serial"
    case notOnOrder = "not_on_order"
    case quota
    case serial
    case state
    case role

    public var audience: Audience { self == .role ? .asker(.role) : .request }
}

/// Q3: one IP and one port per server unless the contract says otherwise.
public enum Q3: String, ClauseFacet {
    public static let clause = ClauseID.Q3
    case allowance
    case poolExhausted = "pool_exhausted"
    case server
}

/// Q4: decommissioned equipment leaves only on an exit slip, checked against the list.
public enum Q4: String, ClauseFacet {
    public static let clause = ClauseID.Q4
    case alreadyRequested = "already_requested"
    case notInInventory = "not_in_inventory"
    case mismatch
    case unchecked
    case state
    case date
    case used
    case direction
    case check
    /// The removal was withdrawn: its slip stopped with it.
    case withdrawn
    case approver
    /// A mover from the client's own roster whom its administrator has not let move equipment.
    case mover

    public var audience: Audience { self == .approver ? .asker(.approver) : .request }
}

/// Q5: equipment out for repair on a sealed application naming its movers, and an exit slip.
public enum Q5: String, ClauseFacet {
    public static let clause = ClauseID.Q5
    case company
    case contract
    case notOnRequest = "not_on_request"
    case alreadyRequested = "already_requested"
    case notInInventory = "not_in_inventory"
    case mismatch
    case unchecked
    case state
    case date
    case used
    case direction
    case check
    case withdrawn
    /// A mover from the client's own roster whom its administrator has not let move equipment.
    case mover
}
