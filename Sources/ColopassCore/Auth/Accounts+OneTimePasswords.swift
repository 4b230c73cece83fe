import Foundation
import GRDB

extension Accounts {
    /// R1: an admin gives an account a random password, returned once to be handed over. It is a
    /// one-time password: until its owner changes it, their sessions do nothing else.
    public func issueOneTimePassword(
        _ name: String, hasher: PasswordHasher = PasswordHasher(), by actor: Actor
    ) throws -> String {
        let password = Self.generatePassword(policy)
        try setPassword(name, to: password, hasher: hasher, by: actor)
        try perform(actor, .manageAccounts, action: "account.password_due") { tx in
            let account = try Self.fetchAccount(name, tx.db)
            try tx.db.execute(
                sql: "INSERT OR REPLACE INTO password_change_due (account_id, since, set_by) VALUES (?, ?, ?)",
                arguments: [account.id, tx.now, tx.actor.name])
            try tx.audit("account.password_due", "account", key: account.name, after: ["one_time": true], clause: .R1)
        }
        return password
    }

    /// Whether the account's password is a one-time password still to be changed.
    public func passwordChangeDue(_ name: String) throws -> Bool {
        try store.pool.read { db in try Self.passwordChangeDue(try Self.fetchAccount(name, db).id, db) }
    }

    static func passwordChangeDue(_ accountId: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            try db.cachedStatement(sql: "SELECT 1 FROM password_change_due WHERE account_id = ?"), arguments: [accountId]) ?? false
    }

    /// The owner chose their own: the one-time mark goes, in the change's transaction.
    static func clearPasswordChangeDue(_ accountId: Int64, in tx: Transaction) throws {
        try tx.db.execute(sql: "DELETE FROM password_change_due WHERE account_id = ?", arguments: [accountId])
    }
}
