import Foundation
import GRDB

extension ServiceDesk {
    /// One ticket in full. A client user sees its own client's tickets only (R3).
    public func ticket(_ id: Int64, by actor: Actor) throws -> TicketView {
        try read(actor, .viewTickets) { db in
            try view(try visibleTicket(id, actor, db), db, at: clock.now())
        }
    }

    /// Tickets, overdue first, then newest. A client user's list is its own client's, whatever
    /// the filter asks (R3).
    public func tickets(_ filter: TicketFilter = TicketFilter(), by actor: Actor) throws -> [TicketSummary] {
        let now = clock.now()
        return try read(actor, .viewTickets) { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if actor.role == .clientUser {
                conditions.append("t.client_id = ?")
                _ = arguments.append(contentsOf: [actor.clientId])
            } else if let clientId = filter.clientId {
                conditions.append("t.client_id = ?")
                _ = arguments.append(contentsOf: [clientId])
            }
            if let owner = filter.owner {
                conditions.append("t.owner = ?")
                _ = arguments.append(contentsOf: [owner])
            }
            if let state = filter.state {
                conditions.append("t.state = ?")
                _ = arguments.append(contentsOf: [state.rawValue])
            }
            if filter.unresolved { conditions.append("t.state != 'resolved'") }
            if filter.overdueOnly {
                conditions.append("t.next_due_at IS NOT NULL AND t.next_due_at < ?")
                _ = arguments.append(contentsOf: [now])
            }
            let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            // Overdue first: a pending deadline already passed sorts before everything else.
            let order = filter.overdueOnly
                ? "t.next_due_at"
                : "CASE WHEN t.next_due_at IS NOT NULL AND t.next_due_at < ? THEN 0 ELSE 1 END, t.next_due_at, t.id DESC"
            if !filter.overdueOnly { _ = arguments.append(contentsOf: [now]) }
            _ = arguments.append(contentsOf: [max(1, min(filter.limit, 10_000))])
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.*, c.name AS client_name FROM ticket t JOIN client c ON c.id = t.client_id
                    \(clause) ORDER BY \(order) LIMIT ?
                    """, arguments: arguments)
            return try rows.map { row in
                let ticket = try Ticket(row: row)
                return TicketSummary(ticket: ticket, clientName: row["client_name"], overdue: ticket.overdue(at: now))
            }
        }
    }

    /// Every ticket with a deadline passed and unmet, most overdue first: the supervisors' list.
    public func overdueTickets(limit: Int = 200, by actor: Actor) throws -> [TicketSummary] {
        try tickets(TicketFilter(overdueOnly: true, limit: limit), by: actor)
    }

    func view(_ ticket: Ticket, _ db: Database, at now: Date) throws -> TicketView {
        let client = try Registry.fetchClient(ticket.clientId, db)
        let events = try TicketEvent.fetchAll(
            db, sql: "SELECT * FROM ticket_event WHERE ticket_id = ? ORDER BY id", arguments: [ticket.id])
        return TicketView(
            ticket: ticket, clientName: client.name, overdue: ticket.overdue(at: now), events: events,
            analysis: try FaultAnalysis.fetchOne(db, where: "ticket_id", is: ticket.id))
    }
}
