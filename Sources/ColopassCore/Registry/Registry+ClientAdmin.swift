import Foundation
import GRDB

extension Transaction {
    /// A client's roster, card requests and subscriptions are its administrator's: a client user
    /// the site has made one (`account.client_admin`). Operators pass; read at the time of the
    /// action, so a grant withdrawn takes effect at once.
    public func requireClientAdmin() throws {
        try site.requireClientAdmin(actor, db)
    }
}

extension Site {
    func requireClientAdmin(_ actor: Actor, _ db: Database) throws {
        guard actor.role == .clientUser else { return }
        let granted = try Bool.fetchOne(
            db, sql: "SELECT client_admin FROM account WHERE name = ?", arguments: [actor.name]) ?? false
        guard granted else {
            throw policy.refusal(
                R1.role, zh: "只有客户管理员可以办理此事", en: "only the client's administrator may do this")
        }
    }
}

extension Accounts {
    /// The site makes (or unmakes) a client user its client's administrator.
    public func setClientAdmin(_ name: String, granted: Bool, by actor: Actor) throws -> Account {
        try perform(actor, .manageAccounts, action: "account.client_admin") { tx in
            let account = try Self.fetchAccount(name, tx.db)
            guard account.role == .clientUser else {
                throw CoreError.invalid("name", zh: "只有客户用户可以是客户管理员", en: "only a client user can be a client's administrator")
            }
            let before = try Bool.fetchOne(
                tx.db, sql: "SELECT client_admin FROM account WHERE name = ?", arguments: [name]) ?? false
            try tx.db.execute(sql: "UPDATE account SET client_admin = ? WHERE name = ?", arguments: [granted, name])
            try tx.audit("account.client_admin", "account", key: name, before: ["client_admin": before], after: ["client_admin": granted])
            return account.redacted
        }
    }

    /// Whether the account is its client's administrator.
    public func isClientAdmin(_ actor: Actor) throws -> Bool {
        guard actor.role == .clientUser else { return false }
        return try store.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT client_admin FROM account WHERE name = ?", arguments: [actor.name]) ?? false
        }
    }
}
