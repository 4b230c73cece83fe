import Foundation
import GRDB

/// What one run of the service desk's clock did.
public struct ServiceClockRun: Codable, Sendable, Equatable {
    /// Deadlines that passed since the last run and were escalated now (K2, K4).
    public var escalated: Int
    /// Needs surveys created (K7).
    public var surveysCreated: Int
}

extension ServiceDesk {
    /// The clock `colopass serve` runs each minute: each deadline that has passed unmet escalates to
    /// the supervisors once (K2 complaint reply and resolution, K4 work contact form), and in the
    /// survey month every active client gets next year's needs survey (K7). A deadline's
    /// escalation is a column set once, in the same transaction as its event and audit record, so
    /// a run repeated, interrupted or restarted never escalates the same deadline twice.
    public func runClock(batch: Int = 500) throws -> ServiceClockRun {
        var run = ServiceClockRun(escalated: 0, surveysCreated: 0)
        while true {
            let escalated = try perform(.system, .handleTicket, action: "ticket.escalate") { tx in
                try escalateDue(limit: batch, tx)
            }
            run.escalated += escalated.count
            if escalated.scanned < batch { break }
        }
        run.surveysCreated = try createNeedsSurveys()
        return run
    }

    private func escalateDue(limit: Int, _ tx: Transaction) throws -> (scanned: Int, count: Int) {
        let due = try Ticket.fetchAll(
            tx.db,
            sql: """
                SELECT * FROM ticket WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ?
                ORDER BY next_escalation_at LIMIT ?
                """, arguments: [tx.now, limit])
        var count = 0
        let supervisors = try Self.dutySupervisors(on: tx.today, tx.db).joined(separator: ",")
        for before in due {
            var ticket = before
            var passed: [Ticket.Deadline] = []
            for (deadline, at) in before.pendingDeadlines where at <= tx.now && before.escalatedAt(deadline) == nil {
                switch deadline {
                case .reply: ticket.replyEscalatedAt = tx.now
                case .resolve: ticket.resolveEscalatedAt = tx.now
                case .contactForm: ticket.contactFormEscalatedAt = tx.now
                }
                passed.append(deadline)
            }
            ticket.refreshDeadlines()
            ticket.updatedAt = tx.now
            try ticket.update(tx.db)
            for deadline in passed {
                try appendEvent(
                    .escalated, ticket, text: "\(deadline.title.zh) / \(deadline.title.en)", target: supervisors, tx)
                try tx.audit(
                    "ticket.escalate", "ticket", key: String(ticket.id), before: before, after: ticket,
                    clause: Optional(deadline.clause))
            }
            count += passed.count
        }
        return (due.count, count)
    }
}
