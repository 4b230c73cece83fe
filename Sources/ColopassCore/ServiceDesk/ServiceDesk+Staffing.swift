import Foundation
import GRDB

extension ServiceDesk {
    /// K6: a client's named account manager, an active customer-service operator.
    public func assignAccountManager(clientId: Int64, account name: String, by actor: Actor) throws -> AccountManager {
        try perform(actor, .assignAccountManager, action: "account_manager.assign") { tx in
            let client = try Registry.fetchClient(clientId, tx.db)
            guard let account = try Self.staffMember(name, tx.db), account.role == .customerService else {
                throw policy.refusal(
                    K6.manager, zh: "\(name) 不是在岗的客服人员", en: "\(name) is not an active customer-service operator")
            }
            let before = try AccountManager.fetchOne(tx.db, where: "client_id", is: client.id)
            let manager = AccountManager(
                clientId: client.id, account: account.name, assignedAt: tx.now, assignedBy: tx.actor.name)
            try manager.save(tx.db)
            try tx.audit(
                "account_manager.assign", "account_manager", key: String(client.id), before: before, after: manager,
                clause: K6.manager)
            return manager
        }
    }

    public func accountManager(clientId: Int64, by actor: Actor) throws -> AccountManager? {
        try read(actor, .viewTickets) { db in
            try requireOwnClient(actor, clientId)
            return try AccountManager.fetchOne(db, where: "client_id", is: clientId)
        }
    }

    /// K8: the day's duty roster, replaced whole. The day is one of the policy's holidays; each
    /// colleague is an active customer-service operator or supervisor.
    public func setDuty(on day: Day, staff names: [String], by actor: Actor) throws -> [DutyShift] {
        try perform(actor, .manageDutyRoster, action: "duty.set") { tx in
            guard let holiday = rules.holiday(on: day) else {
                throw policy.refusal(
                    K8.day, zh: "\(day) 不是策略中的节假日", en: "\(day) is not a holiday of the policy")
            }
            for name in names {
                guard try Self.staffMember(name, tx.db) == nil else { continue }
                throw policy.refusal(
                    K8.staff, zh: "\(name) 不是在岗的客服或主管", en: "\(name) is not an active customer-service operator or supervisor")
            }
            let before = try DutyShift.fetchAll(tx.db, sql: "SELECT * FROM duty_shift WHERE day = ?", arguments: [day.description])
            try tx.db.execute(sql: "DELETE FROM duty_shift WHERE day = ?", arguments: [day.description])
            var shifts: [DutyShift] = []
            for name in Set(names).sorted() {
                let shift = DutyShift(day: day, account: name, assignedBy: tx.actor.name, assignedAt: tx.now)
                try shift.insert(tx.db)
                shifts.append(shift)
            }
            try tx.audit("duty.set", "duty_shift", key: "\(day) \(holiday.name.en)", before: before, after: shifts, clause: .K8)
            return shifts
        }
    }

    /// K8: the roster from `from` to `through`.
    public func duty(from: Day, through: Day, by actor: Actor) throws -> [DutyShift] {
        try read(actor, .handleTicket) { db in
            try DutyShift.fetchAll(
                db, sql: "SELECT * FROM duty_shift WHERE day >= ? AND day <= ? ORDER BY day, account",
                arguments: [from.description, through.description])
        }
    }

    /// K1, K8: who can own a ticket or be on duty: active customer-service staff and supervisors.
    public func staff(by actor: Actor) throws -> [Account] {
        try read(actor, .handleTicket) { db in
            try Account.fetchAll(
                db,
                sql: "SELECT * FROM account WHERE status = 'active' AND role IN (?, ?) ORDER BY role, name",
                arguments: [Role.customerService.rawValue, Role.supervisor.rawValue])
        }
    }
}
