import Foundation
import GRDB

extension ServiceDesk {
    /// K5: every scheduled call not yet made, from a year back to today, for each active client
    /// with a contract; those past their date and the grace days are missed.
    public func followUpsDue(on day: Day? = nil, by actor: Actor) throws -> [FollowUpDue] {
        let today = day ?? self.today
        return try read(actor, .handleTicket) { db in
            try Self.followUpsDue(on: today, from: today.adding(days: -365), rules: rules, db)
        }
    }

    /// The scheduled calls from `from` to `through` with, for each, the call made for it if any.
    static func followUpSlots(from: Day, through: Day, rules: ServiceDeskRules, _ db: Database) throws
        -> [(client: Int64, name: String, manager: String?, due: Day, call: FollowUpCall?)]
    {
        let clients = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.name, m.account AS manager, MIN(k.starts_on) AS first_start
                FROM client c JOIN contract k ON k.client_id = c.id AND k.status != 'draft'
                LEFT JOIN account_manager m ON m.client_id = c.id
                WHERE c.status = 'active' GROUP BY c.id ORDER BY c.id
                """)
        var calls: [Int64: [Day: FollowUpCall]] = [:]
        for call in try FollowUpCall.fetchAll(
            db, sql: "SELECT * FROM follow_up_call WHERE due_on >= ? AND due_on <= ?",
            arguments: [from.description, through.description])
        {
            calls[call.clientId, default: [:]][call.dueOn] = call
        }
        var slots: [(client: Int64, name: String, manager: String?, due: Day, call: FollowUpCall?)] = []
        for row in clients {
            guard let start = Day(row["first_start"] as String) else { continue }
            let id: Int64 = row["id"]
            for date in FollowUpSchedule(start: start, rules: rules).dates(from: from, through: through) {
                slots.append((id, row["name"], row["manager"], date, calls[id]?[date]))
            }
        }
        return slots
    }

    static func followUpsDue(on today: Day, from: Day, rules: ServiceDeskRules, _ db: Database) throws -> [FollowUpDue] {
        try followUpSlots(from: from, through: today, rules: rules, db).filter { $0.call == nil }.map {
            FollowUpDue(
                clientId: $0.client, clientName: $0.name, dueOn: $0.due, accountManager: $0.manager,
                overdue: $0.due.adding(days: rules.followUpGraceDays) < today)
        }.sorted { ($0.dueOn, $0.clientId) < ($1.dueOn, $1.clientId) }
    }

    /// K5: a call made. It answers the latest scheduled date not yet called, up to the grace days
    /// ahead; earlier dates left uncalled stay missed.
    public func recordFollowUp(clientId: Int64, note: String, by actor: Actor) throws -> FollowUpCall {
        let note = try Validate.name(note, field: "note", max: 4000)
        return try perform(actor, .handleTicket, action: "follow_up.record") { tx in
            let client = try Registry.fetchClient(clientId, tx.db)
            let horizon = tx.today.adding(days: rules.followUpGraceDays)
            let slots = try Self.followUpSlots(
                from: tx.today.adding(days: -365), through: horizon, rules: rules, tx.db
            ).filter { $0.client == client.id }
            guard let slot = slots.last, slot.call == nil else {
                throw policy.refusal(
                    K5.none, zh: "\(client.name) 目前没有到期的回访", en: "no follow-up call is due for \(client.name) now")
            }
            let call = FollowUpCall(
                id: try Store.nextID(of: FollowUpCall.databaseTableName, in: tx.db), clientId: client.id,
                dueOn: slot.due, calledAt: tx.now, calledBy: tx.actor.name, note: note)
            try call.insert(tx.db)
            try tx.audit("follow_up.record", "follow_up_call", key: String(call.id), after: call, clause: .K5)
            return call
        }
    }

    /// K7: in the survey month, next year's needs survey for every active client, once each.
    func createNeedsSurveys() throws -> Int {
        guard today.month == rules.needsSurveyMonth else { return 0 }
        return try perform(.system, .handleTicket, action: "needs_survey.create") { tx in
            let year = tx.today.year + 1
            try tx.db.execute(
                sql: """
                    INSERT OR IGNORE INTO needs_survey (client_id, year, created_at)
                    SELECT id, ?, ? FROM client WHERE status = 'active'
                    """, arguments: [year, tx.now])
            let created = tx.db.changesCount
            if created > 0 {
                try tx.audit(
                    "needs_survey.create", "needs_survey", key: String(year), after: ["created": created], clause: .K7)
            }
            return created
        }
    }

    /// K7: the surveys for a year (default: next year), open first.
    public func needsSurveys(year: Int? = nil, by actor: Actor) throws -> [NeedsSurvey] {
        let year = year ?? today.year + 1
        return try read(actor, .handleTicket) { db in
            try NeedsSurvey.fetchAll(
                db, sql: "SELECT * FROM needs_survey WHERE year = ? ORDER BY done_at IS NOT NULL, client_id",
                arguments: [year])
        }
    }

    /// K7: a client's survey done, with what it found.
    public func recordNeedsSurvey(clientId: Int64, year: Int? = nil, note: String, by actor: Actor) throws -> NeedsSurvey {
        let note = try Validate.name(note, field: "note", max: 4000)
        return try perform(actor, .handleTicket, action: "needs_survey.record") { tx in
            let client = try Registry.fetchClient(clientId, tx.db)
            let year = year ?? tx.today.year + 1
            let before = try NeedsSurvey.fetchOne(
                tx.db, sql: "SELECT * FROM needs_survey WHERE client_id = ? AND year = ?", arguments: [client.id, year])
            guard before?.doneAt == nil else {
                throw policy.refusal(
                    K7.done, zh: "\(client.name) \(year) 年度的需求调查已完成", en: "\(client.name)'s survey for \(year) is done")
            }
            let survey = NeedsSurvey(
                clientId: client.id, year: year, createdAt: before?.createdAt ?? tx.now, doneAt: tx.now,
                doneBy: tx.actor.name, note: note)
            try survey.save(tx.db)
            try tx.audit(
                "needs_survey.record", "needs_survey", key: "\(client.id)/\(year)", before: before, after: survey,
                clause: .K7)
            return survey
        }
    }
}
