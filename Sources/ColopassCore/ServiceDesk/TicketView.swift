import Foundation

/// A ticket as the desk and the portal show it: the row, the client's name, what is overdue now,
/// and (in full) its history and the fault's analysis report.
public struct TicketView: Codable, Sendable, Equatable {
    public var ticket: Ticket
    public var clientName: String
    /// The deadlines passed and still unmet at the time of reading.
    public var overdue: [Ticket.Deadline]
    public var events: [TicketEvent]
    public var analysis: FaultAnalysis?

    /// K3: a fault whose analysis report has not reached the client stays open in the reports.
    public var analysisOutstanding: Bool {
        ticket.kind == .fault && analysis?.deliveredAt == nil
    }
}

/// One line of a ticket list.
public struct TicketSummary: Codable, Sendable, Equatable {
    public var ticket: Ticket
    public var clientName: String
    public var overdue: [Ticket.Deadline]
}

/// Which tickets a list shows.
public struct TicketFilter: Sendable {
    public var clientId: Int64?
    public var owner: String?
    public var state: Ticket.State?
    /// Unresolved only.
    public var unresolved: Bool
    public var overdueOnly: Bool
    public var limit: Int

    public init(
        clientId: Int64? = nil, owner: String? = nil, state: Ticket.State? = nil, unresolved: Bool = false,
        overdueOnly: Bool = false, limit: Int = 200
    ) {
        self.clientId = clientId
        self.owner = owner
        self.state = state
        self.unresolved = unresolved
        self.overdueOnly = overdueOnly
        self.limit = limit
    }
}
