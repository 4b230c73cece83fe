import Foundation
import GRDB

/// The reads and writes every service-desk change shares: a ticket by id, its events, the
/// colleagues who can own it, and a ticket's change written with its event and audit record.
extension ServiceDesk {
    static func fetchTicket(_ id: Int64, _ db: Database) throws -> Ticket {
        guard let ticket = try Ticket.fetchOne(db, where: "id", is: id) else {
            throw CoreError.notFound(entity: "ticket", key: String(id))
        }
        return ticket
    }

    /// A ticket a client user may see only for its own client (R3); staff see every ticket.
    func visibleTicket(_ id: Int64, _ actor: Actor, _ db: Database) throws -> Ticket {
        let ticket = try Self.fetchTicket(id, db)
        try requireOwnClient(actor, ticket.clientId)
        return ticket
    }

    @discardableResult
    func appendEvent(
        _ kind: TicketEvent.Kind, _ ticket: Ticket, text: String, target: String? = nil, _ tx: Transaction
    ) throws -> TicketEvent {
        let event = TicketEvent(
            id: try Store.nextID(of: TicketEvent.databaseTableName, in: tx.db), ticketId: ticket.id, at: tx.now,
            kind: kind, actor: tx.actor.name, text: text, target: target)
        try event.insert(tx.db)
        return event
    }

    /// Writes the changed ticket with its deadlines recomputed, its event, and the audit record.
    func save(
        _ before: Ticket, _ after: Ticket, event: TicketEvent.Kind, text: String, target: String? = nil,
        action: String, clause: some ClauseFacet, _ tx: Transaction
    ) throws -> Ticket {
        try save(before, after, event: event, text: text, target: target, action: action, clause: Clause(clause), tx)
    }

    func save(
        _ before: Ticket, _ after: Ticket, event: TicketEvent.Kind, text: String, target: String? = nil,
        action: String, clause: Clause, _ tx: Transaction
    ) throws -> Ticket {
        var ticket = after
        ticket.refreshDeadlines()
        ticket.updatedAt = tx.now
        try ticket.update(tx.db)
        try appendEvent(event, ticket, text: text, target: target, tx)
        try tx.audit(action, "ticket", key: String(ticket.id), before: before, after: ticket, clause: Optional(clause))
        return ticket
    }

    /// An active account that can own a ticket: customer service or a supervisor (K1).
    static func staffMember(_ name: String, _ db: Database) throws -> Account? {
        guard let account = try Account.fetchOne(db, where: "name", is: name), account.status == .active,
            account.role == .customerService || account.role == .supervisor
        else { return nil }
        return account
    }

    static func accountManager(of clientId: Int64, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT account FROM account_manager WHERE client_id = ?", arguments: [clientId])
    }

    /// The active staff on the day's duty roster (K8).
    static func dutyStaff(on day: Day, _ db: Database) throws -> [Account] {
        try Account.fetchAll(
            db,
            sql: """
                SELECT account.* FROM duty_shift JOIN account ON account.name = duty_shift.account
                WHERE duty_shift.day = ? AND account.status = 'active'
                  AND account.role IN ('customer_service','supervisor')
                ORDER BY account.name
                """, arguments: [day.description])
    }

    /// Who is told of a fault or an escalation (K2, K3): the day's supervisors on duty, else every
    /// active supervisor.
    static func dutySupervisors(on day: Day, _ db: Database) throws -> [String] {
        let onDuty = try dutyStaff(on: day, db).filter { $0.role == .supervisor }.map(\.name)
        if !onDuty.isEmpty { return onDuty }
        return try String.fetchAll(
            db, sql: "SELECT name FROM account WHERE role = 'supervisor' AND status = 'active' ORDER BY name")
    }

    static func isStaff(_ actor: Actor) -> Bool {
        actor.isSystem || actor.role == .customerService || actor.role == .supervisor
    }

    /// K1: the owner acts for the ticket; so does anyone while nobody owns it yet, and a
    /// supervisor once one of its deadlines has passed (K2).
    /// K1, K2: who acts for a ticket: its owner (anyone, while it has none), or a supervisor once
    /// a deadline has passed.
    static func mayHandle(_ ticket: Ticket, _ actor: Actor, at now: Date) -> Bool {
        guard !actor.isSystem, let owner = ticket.owner, owner != actor.name else { return true }
        return actor.role == .supervisor && !ticket.overdue(at: now).isEmpty
    }

    func requireHandler(_ ticket: Ticket, _ tx: Transaction) throws {
        guard !Self.mayHandle(ticket, tx.actor, at: tx.now), let owner = ticket.owner else { return }
        throw policy.refusal(
            K1.owner, zh: "工单 #\(ticket.id) 由 \(owner) 负责；须由其办理或说明理由移交",
            en: "ticket #\(ticket.id) is owned by \(owner); they handle it or hand it over with a reason")
    }

    func requireNotResolved(_ ticket: Ticket, _ what: Bilingual) throws {
        guard ticket.state != .resolved else {
            throw policy.refusal(
                K1.state, zh: "工单 #\(ticket.id) 已解决，须先重新打开才能\(what.zh)",
                en: "ticket #\(ticket.id) is resolved; reopen it before you \(what.en)")
        }
    }

    /// The site's calendar: "resolved within 3 days" counts days at the site.
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = policy.site.timeZone
        return calendar
    }
}
