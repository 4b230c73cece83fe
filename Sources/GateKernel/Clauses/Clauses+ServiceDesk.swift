/// K1: the first responder owns a client's matter until it is closed or handed over with a
/// reason and a named successor; what the client says is logged on the ticket.
public enum K1: String, ClauseFacet {
    public static let clause = ClauseID.K1
    /// A hand-over names why.
    case reason
    /// A hand-over names a colleague who can take it.
    case target
    /// Only the owner (or a supervisor, for an escalated matter) acts for the ticket.
    case owner
    /// The ticket's state does not allow this.
    case state
}

/// K2: a complaint is answered with a proposed solution within the reply time and resolved within
/// the resolution time; past either it escalates to a supervisor.
public enum K2: String, ClauseFacet {
    public static let clause = ClauseID.K2
    /// A complaint's reply carries a proposed solution.
    case solution
    /// The reply deadline passed unanswered.
    case reply
    /// The resolution deadline passed unresolved.
    case resolve
}

/// K3: a fault report records time, place, symptom and handling plan; the account manager and the
/// duty supervisor are told at once; an analysis report follows and is delivered to the client.
public enum K3: String, ClauseFacet {
    public static let clause = ClauseID.K3
    /// Time, place, symptom or handling plan is missing.
    case details
    /// The analysis report lacks impact, handling, cause, corrective or preventive actions.
    case analysis
    /// Only a fault has an analysis report.
    case notFault = "not_fault"
    /// The report is written before it is delivered, and delivered once.
    case delivery
}

/// K4: staff may act first in an emergency; the work contact form follows within the set hours.
public enum K4: String, ClauseFacet {
    public static let clause = ClauseID.K4
    /// The form is already on file, or none is owed.
    case form
    /// The form is overdue.
    case overdue
}

/// K5: follow-up calls, monthly in a client's first year of service and quarterly after.
public enum K5: String, ClauseFacet {
    public static let clause = ClauseID.K5
    /// No call is due for the client now.
    case none
    /// A scheduled call was not made in time.
    case missed
}

/// K6: each client has a named account manager, the default owner of its requests.
public enum K6: String, ClauseFacet {
    public static let clause = ClauseID.K6
    /// An account manager is an active customer-service operator.
    case manager
}

/// K7: each December every active client gets a needs survey for the coming year.
public enum K7: String, ClauseFacet {
    public static let clause = ClauseID.K7
    /// The survey is already recorded.
    case done
}

/// K8: the statutory holidays have a duty roster; tickets opened then go to the staff on duty.
public enum K8: String, ClauseFacet {
    public static let clause = ClauseID.K8
    /// The day is not a holiday of the policy.
    case day
    /// Duty staff are active operators of customer service or supervisors.
    case staff
}
