import Foundation

/// What a ticket is opened with: the client, what kind of matter, how it came in, and the
/// client's own words as received (K1).
public struct NewTicket: Sendable {
    public var clientId: Int64
    public var kind: Ticket.Kind
    public var channel: Ticket.Channel
    public var subject: String
    public var words: String
    /// K3: required for a fault.
    public var fault: FaultDetails?
    /// K4: staff acted before the work contact form existed.
    public var actedFirst: Bool
    /// K1: the answer that closes the matter at once, when the one who received it can.
    public var resolution: String?

    public init(
        clientId: Int64, kind: Ticket.Kind, channel: Ticket.Channel, subject: String, words: String,
        fault: FaultDetails? = nil, actedFirst: Bool = false, resolution: String? = nil
    ) {
        self.clientId = clientId
        self.kind = kind
        self.channel = channel
        self.subject = subject
        self.words = words
        self.fault = fault
        self.actedFirst = actedFirst
        self.resolution = resolution
    }
}

/// K3: the first record of a fault: when, where, what was seen, what is being done.
public struct FaultDetails: Sendable {
    public var at: Date?
    public var place: String?
    public var symptom: String?
    public var plan: String?

    public init(at: Date?, place: String?, symptom: String?, plan: String?) {
        self.at = at
        self.place = place
        self.symptom = symptom
        self.plan = plan
    }
}

/// K3: the analysis report's five parts.
public struct NewFaultAnalysis: Sendable {
    public var impact: String
    public var handling: String
    public var cause: String
    public var corrective: String
    public var preventive: String

    public init(impact: String, handling: String, cause: String, corrective: String, preventive: String) {
        self.impact = impact
        self.handling = handling
        self.cause = cause
        self.corrective = corrective
        self.preventive = preventive
    }
}
