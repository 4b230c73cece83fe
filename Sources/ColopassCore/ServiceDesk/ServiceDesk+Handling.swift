import Foundation
import GRDB

extension ServiceDesk {
    /// K1: whatever the client says next is written on the same ticket, by whoever hears it, so
    /// the client never has to say it twice. A colleague who hears it on an unowned ticket takes it.
    public func log(_ id: Int64, words: String, by actor: Actor) throws -> TicketView {
        let words = try Validate.name(words, field: "words", max: 4000)
        return try perform(actor, .fileTicket, action: "ticket.log") { tx in
            let before = try visibleTicket(id, tx.actor, tx.db)
            try requireNotResolved(before, Bilingual(zh: "记录", en: "log on it"))
            var ticket = before
            if ticket.owner == nil, Self.isStaff(tx.actor), !tx.actor.isSystem { ticket.owner = tx.actor.name }
            let saved = try save(before, ticket, event: .logged, text: words, action: "ticket.log", clause: K1.owner, tx)
            return try view(saved, tx.db, at: tx.now)
        }
    }

    /// K1, K2: the owner answers. A complaint's answer proposes a solution; the first answer stops
    /// the reply clock.
    public func reply(_ id: Int64, text: String, solution: String? = nil, by actor: Actor) throws -> TicketView {
        let text = try Validate.name(text, field: "text", max: 4000)
        let solution = try solution.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            .map { try Validate.name($0, field: "solution", max: 4000) }
        return try perform(actor, .handleTicket, action: "ticket.reply") { tx in
            let before = try Self.fetchTicket(id, tx.db)
            try requireNotResolved(before, Bilingual(zh: "答复", en: "reply"))
            try requireHandler(before, tx)
            guard before.kind != .complaint || solution != nil else {
                throw policy.refusal(
                    K2.solution, zh: "投诉 #\(id) 的答复须提出解决方案", en: "a reply to complaint #\(id) proposes a solution")
            }
            var ticket = before
            if ticket.owner == nil { ticket.owner = tx.actor.name }
            if ticket.answeredAt == nil { ticket.answeredAt = tx.now }
            ticket.state = .answered
            let said = solution.map { "\(text)\n解决方案 / proposed solution: \($0)" } ?? text
            let saved = try save(
                before, ticket, event: .replied, text: said, action: "ticket.reply",
                clause: before.kind == .complaint ? Clause(K2.solution) : Clause(K1.owner), tx)
            return try view(saved, tx.db, at: tx.now)
        }
    }

    /// K1: the owner hands the matter over, saying why and to whom; a supervisor may hand over a
    /// ticket past its deadline (K2). The new owner is an active customer-service colleague or
    /// supervisor.
    public func transfer(_ id: Int64, to target: String?, reason: String?, by actor: Actor) throws -> TicketView {
        try perform(actor, .handleTicket, action: "ticket.transfer") { tx in
            let before = try Self.fetchTicket(id, tx.db)
            try requireNotResolved(before, Bilingual(zh: "移交", en: "hand it over"))
            try requireHandler(before, tx)
            let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !reason.isEmpty else {
                throw policy.refusal(K1.reason, zh: "移交工单 #\(id) 须说明理由", en: "say why ticket #\(id) is handed over")
            }
            let name = target?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !name.isEmpty, let account = try Self.staffMember(name, tx.db) else {
                throw policy.refusal(
                    K1.target, zh: "须指定接手的在岗客服或主管（\(name.isEmpty ? "未指定" : name)）",
                    en: "name an active customer-service colleague or supervisor to take it (\(name.isEmpty ? "none named" : name))")
            }
            guard account.name != before.owner else {
                throw policy.refusal(K1.target, zh: "\(name) 已是负责人", en: "\(name) already owns it")
            }
            var ticket = before
            ticket.owner = account.name
            let saved = try save(
                before, ticket, event: .transferred, text: try Validate.name(reason, field: "reason", max: 1000),
                target: account.name, action: "ticket.transfer", clause: K1.reason, tx)
            return try view(saved, tx.db, at: tx.now)
        }
    }

    /// K1: the matter is settled. Resolving answers it too, if it was not yet answered.
    public func resolve(_ id: Int64, resolution: String, by actor: Actor) throws -> TicketView {
        let resolution = try Validate.name(resolution, field: "resolution", max: 4000)
        return try perform(actor, .handleTicket, action: "ticket.resolve") { tx in
            let before = try Self.fetchTicket(id, tx.db)
            try requireNotResolved(before, Bilingual(zh: "解决", en: "resolve it"))
            try requireHandler(before, tx)
            var ticket = before
            if ticket.owner == nil { ticket.owner = tx.actor.name }
            if ticket.answeredAt == nil { ticket.answeredAt = tx.now }
            ticket.state = .resolved
            ticket.resolvedAt = tx.now
            let saved = try save(
                before, ticket, event: .resolved, text: resolution, action: "ticket.resolve",
                clause: before.kind == .complaint ? Clause(K2.resolve) : Clause(K1.owner), tx)
            return try view(saved, tx.db, at: tx.now)
        }
    }

    /// K1: the client comes back on a settled matter: the same ticket opens again, with the same
    /// owner and the same deadlines, so a reopened complaint is still measured from its receipt.
    public func reopen(_ id: Int64, reason: String, by actor: Actor) throws -> TicketView {
        let reason = try Validate.name(reason, field: "reason", max: 4000)
        return try perform(actor, .handleTicket, action: "ticket.reopen") { tx in
            let before = try Self.fetchTicket(id, tx.db)
            guard before.state == .resolved else {
                throw policy.refusal(K1.state, zh: "工单 #\(id) 尚未解决", en: "ticket #\(id) is not resolved")
            }
            var ticket = before
            ticket.state = before.answeredAt == nil ? .open : .answered
            ticket.resolvedAt = nil
            ticket.closedAtOnce = false
            let saved = try save(before, ticket, event: .reopened, text: reason, action: "ticket.reopen", clause: K1.state, tx)
            return try view(saved, tx.db, at: tx.now)
        }
    }

    /// K4: the work contact form for work done first is on file.
    public func recordContactForm(_ id: Int64, reference: String, by actor: Actor) throws -> TicketView {
        let reference = try Validate.name(reference, field: "reference", max: 100)
        return try perform(actor, .handleTicket, action: "ticket.contact_form") { tx in
            let before = try Self.fetchTicket(id, tx.db)
            guard before.contactFormDue != nil, before.contactFormAt == nil else {
                throw policy.refusal(
                    K4.form, zh: "工单 #\(id) 不欠工作联络单或已补齐", en: "ticket #\(id) owes no work contact form")
            }
            var ticket = before
            ticket.contactFormAt = tx.now
            ticket.contactFormReference = reference
            let saved = try save(
                before, ticket, event: .contactForm, text: reference, action: "ticket.contact_form", clause: K4.form, tx)
            return try view(saved, tx.db, at: tx.now)
        }
    }
}
