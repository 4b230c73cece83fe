import Foundation
import GRDB

/// What an operation body gets: the open write transaction, who acts, one "now" for the whole
/// change, and the audit writer bound to the same transaction.
public struct Transaction {
    public let db: Database
    public let actor: Actor
    public let now: Date
    let site: Site

    public var policy: Policy { site.policy }
    public var today: Day { Day(now, in: site.policy.site.timeZone) }

    /// Audits a change under the clause it carries out (`.C9`: the cards of an ended contract).
    public func audit<T: Encodable>(
        _ action: String, _ entity: String, key: String, before: T? = nil, after: T? = nil, clause: ClauseID? = nil
    ) throws {
        try audit(action, entity, key: key, before: before, after: after, code: clause?.rawValue)
    }

    /// Audits a change under one facet of a clause (`Q4.used`: the slip was spent).
    public func audit<T: Encodable>(
        _ action: String, _ entity: String, key: String, before: T? = nil, after: T? = nil, clause: some ClauseFacet
    ) throws {
        try audit(action, entity, key: key, before: before, after: after, code: clause.code)
    }

    /// Audits a change under a facet known only at run time (a gate's event names its own).
    public func audit<T: Encodable>(
        _ action: String, _ entity: String, key: String, before: T? = nil, after: T? = nil, clause: Clause?
    ) throws {
        try audit(action, entity, key: key, before: before, after: after, code: clause?.code)
    }

    private func audit<T: Encodable>(
        _ action: String, _ entity: String, key: String, before: T?, after: T?, code: String?
    ) throws {
        try AuditLog.append(
            AuditLog.Entry(
                action: action, entity: entity, entityKey: key, before: AuditImage.of(before),
                after: AuditImage.of(after), clause: code),
            actor: actor, at: now, in: db)
        // The outbox follows the audit log, in the same transaction.
        if let notice = try Outbox.notice(for: action, key: key, after: after, in: self) {
            try Outbox.record(notice, in: self)
        }
    }

    /// R3: a client user acts for its own client only. Operators pass.
    public func requireOwnClient(_ clientId: Int64) throws {
        try site.requireOwnClient(actor, clientId)
    }
}

extension SiteArea {
    /// Runs one state change: checks the actor's account and role, runs `body` in a write
    /// transaction and audits it there. A refusal rolls the change back and is itself audited as refused.
    func perform<T>(
        _ actor: Actor, _ permission: Permission, action: String, _ body: (Transaction) throws -> T
    ) throws -> T {
        do {
            let now = clock.now()
            return try store.pool.write { db in
                try requireActiveAccount(actor, db)
                try authorize(actor, permission)
                return try body(Transaction(db: db, actor: actor, now: now, site: site))
            }
        } catch CoreError.refused(let refusal) {
            auditRefusal(actor: actor, action: action, refusal: refusal, permission: permission)
            throw CoreError.refused(refusal)
        }
    }

    /// A read: account and role checks only. Reads change nothing and are not audited; a read
    /// refused for the account or the role is, like a refused change.
    func read<T>(_ actor: Actor, _ permission: Permission, _ body: (Database) throws -> T) throws -> T {
        do {
            return try store.pool.read { db in
                try requireActiveAccount(actor, db)
                try authorize(actor, permission)
                return try body(db)
            }
        } catch CoreError.refused(let refusal) {
            auditRefusal(actor: actor, action: "read.\(permission.rawValue)", refusal: refusal, permission: permission)
            throw CoreError.refused(refusal)
        }
    }

    /// R1: an `Actor` is a value that can outlive its account's status (a session, a long-running
    /// shell), so every action checks that the account still exists and is active.
    func requireActiveAccount(_ actor: Actor, _ db: Database) throws {
        guard !actor.isSystem else { return }
        let status = try String.fetchOne(
            try db.cachedStatement(sql: "SELECT status FROM account WHERE name = ?"), arguments: [actor.name])
        guard status == Account.Status.active.rawValue else {
            throw policy.refusal(
                R1.disabled, zh: "账户 \(actor.name) 已停用或不存在", en: "account \(actor.name) is disabled or unknown")
        }
    }

    func authorize(_ actor: Actor, _ permission: Permission) throws {
        guard let role = actor.role else { return }
        guard actor.may(permission) else {
            throw policy.refusal(
                permission.clause,
                zh: "\(role.title.zh)“\(actor.name)”无权\(permission.title.zh)",
                en: "\(actor.name) (\(role.title.en)) may not \(permission.title.en)")
        }
    }

    func requireOwnClient(_ actor: Actor, _ clientId: Int64) throws {
        try site.requireOwnClient(actor, clientId)
    }

    /// The record keeps the refusal's words and, for the auditor, the permission asked for (the
    /// words name the action as people know it; the identifier is what the table is keyed by).
    private func auditRefusal(actor: Actor, action: String, refusal: Refusal, permission: Permission) {
        do {
            try store.pool.write { db in
                _ = try AuditLog.append(
                    AuditLog.Entry(
                        action: action, entity: "refusal", entityKey: refusal.clause.code,
                        after: AuditImage.of(RefusalImage(zh: refusal.reason.zh, en: refusal.reason.en, permission: permission.rawValue)), clause: refusal.clause.code, outcome: .refused),
                    actor: actor, at: clock.now(), in: db)
            }
        } catch {
            logger.error("could not audit a refusal of \(action): \(error)")
        }
    }
}

extension Site {
    /// R3: a client user acts for its own client only. Operators pass.
    func requireOwnClient(_ actor: Actor, _ clientId: Int64) throws {
        guard actor.role == .clientUser else { return }
        guard actor.clientId == clientId else {
            throw policy.refusal(
                R3.client, zh: "只能办理本客户的事务", en: "a client user may act for its own client only")
        }
    }
}

/// What the audit keeps of a refused action.
private struct RefusalImage: Encodable {
    var zh: String
    var en: String
    var permission: String
}
