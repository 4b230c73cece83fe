import Foundation
import GRDB

extension ServiceDesk {
    /// K1: a client's request, complaint or fault report is received. Whoever receives it owns it;
    /// a client's own portal ticket goes to its account manager (K6); on a holiday of the policy
    /// it goes to the staff on duty (K8). A complaint starts its clocks (K2); a fault is recorded
    /// with time, place, symptom and plan and its account manager and duty supervisor are told
    /// (K3); a matter the receiver can close at once is closed at once.
    public func open(_ input: NewTicket, by actor: Actor) throws -> TicketView {
        let subject = try Validate.name(input.subject, field: "subject", max: 200)
        let words = try Validate.name(input.words, field: "words", max: 4000)
        let resolution = try input.resolution.map { try Validate.name($0, field: "resolution", max: 4000) }
        return try perform(actor, .fileTicket, action: "ticket.open") { tx in
            let fault = try checkedFault(input)
            let client = try Registry.fetchClient(input.clientId, tx.db)
            try tx.requireOwnClient(client.id)
            let staff = Self.isStaff(tx.actor)
            // A client files through the portal, and cannot close its own matter for the site.
            let channel = staff ? input.channel : .portal
            let closesAtOnce = staff && resolution != nil
            let holiday = rules.holiday(on: tx.today)
            let onDuty = holiday == nil ? [] : try Self.dutyStaff(on: tx.today, tx.db)
            let manager = try Self.accountManager(of: client.id, tx.db)
            let routed = !onDuty.isEmpty && !closesAtOnce
            let owner: String?
            if routed {
                owner = onDuty.contains { $0.name == tx.actor.name } ? tx.actor.name : try leastBusy(onDuty, tx.db)
            } else if staff && !tx.actor.isSystem {
                owner = tx.actor.name
            } else {
                owner = manager
            }
            var ticket = Ticket(
                id: try Store.nextID(of: Ticket.databaseTableName, in: tx.db), clientId: client.id, kind: input.kind,
                channel: channel, subject: subject, state: .open, openedAt: tx.now, openedBy: tx.actor.name,
                owner: owner, holiday: routed, replyDue: nil, resolveDue: nil,
                answeredAt: nil, resolvedAt: nil, closedAtOnce: false, faultAt: fault?.at, faultPlace: fault?.place,
                faultSymptom: fault?.symptom, faultPlan: fault?.plan, contactFormDue: nil, contactFormAt: nil,
                contactFormReference: nil, replyEscalatedAt: nil, resolveEscalatedAt: nil,
                contactFormEscalatedAt: nil, nextDueAt: nil, nextEscalationAt: nil, updatedAt: tx.now)
            if input.kind == .complaint {
                ticket.replyDue = tx.now.addingTimeInterval(TimeInterval(rules.complaintReplyHours) * 3600)
                ticket.resolveDue = calendar.date(byAdding: .day, value: rules.complaintResolveDays, to: tx.now)
            }
            if input.actedFirst, staff {
                ticket.contactFormDue = tx.now.addingTimeInterval(TimeInterval(rules.contactFormHours) * 3600)
            }
            if closesAtOnce {
                ticket.state = .resolved
                ticket.answeredAt = tx.now
                ticket.resolvedAt = tx.now
                ticket.closedAtOnce = true
            }
            ticket.refreshDeadlines()
            try ticket.insert(tx.db)
            try tx.audit("ticket.open", "ticket", key: String(ticket.id), after: ticket, clause: .K1)
            try appendEvent(.opened, ticket, text: "\(input.kind.title.zh) / \(input.kind.title.en): \(subject)", tx)
            try appendEvent(.logged, ticket, text: words, tx)
            if let holiday, ticket.holiday, let owner {
                try appendEvent(
                    .routed, ticket, text: "\(holiday.name.zh) / \(holiday.name.en)", target: owner, tx)
                try tx.audit("ticket.route", "ticket", key: String(ticket.id), after: ticket, clause: .K8)
            }
            if input.kind == .fault {
                let told = ([manager].compactMap { $0 } + (try Self.dutySupervisors(on: tx.today, tx.db)))
                let recipients = told.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                try appendEvent(
                    .notified, ticket,
                    text: "客户经理和值班主管已获告知 / account manager and duty supervisor told",
                    target: recipients.joined(separator: ","), tx)
                try tx.audit("ticket.notify", "ticket", key: String(ticket.id), after: recipients, clause: .K3)
            }
            if let resolution, closesAtOnce {
                try appendEvent(.resolved, ticket, text: resolution, tx)
            }
            return try view(ticket, tx.db, at: tx.now)
        }
    }

    /// K3: a fault's first record names its time, place, symptom and handling plan.
    private func checkedFault(_ input: NewTicket) throws -> (at: Date, place: String, symptom: String, plan: String)? {
        guard input.kind == .fault else { return nil }
        let details = input.fault
        let text = [details?.place, details?.symptom, details?.plan].map {
            $0?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        guard let at = details?.at, !text.contains(where: \.isEmpty) else {
            let missing = zip(["time", "place", "symptom", "plan"], [details?.at == nil] + text.map(\.isEmpty))
                .filter(\.1).map(\.0).joined(separator: ", ")
            throw policy.refusal(
                K3.details, zh: "故障记录缺少：\(missing)", en: "the fault record lacks: \(missing)")
        }
        return (
            at, try Validate.name(text[0], field: "fault.place", max: 200),
            try Validate.name(text[1], field: "fault.symptom", max: 2000),
            try Validate.name(text[2], field: "fault.plan", max: 2000)
        )
    }

    /// K8: of the staff on duty, the one with the fewest unresolved tickets (then by name).
    private func leastBusy(_ staff: [Account], _ db: Database) throws -> String {
        var best: (name: String, load: Int)?
        for account in staff {
            let load = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM ticket WHERE owner = ? AND state != 'resolved'",
                arguments: [account.name]) ?? 0
            if best == nil || load < best!.load { best = (account.name, load) }
        }
        return best!.name
    }
}
