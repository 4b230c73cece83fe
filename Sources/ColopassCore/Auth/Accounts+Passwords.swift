import Foundation
import GRDB

extension Accounts {
    /// An admin sets (or resets) an account's password. Every session of that account ends: whoever
    /// held the old password is signed out. The audit shows "(set)", never the password or its hash.
    public func setPassword(
        _ name: String, to password: String, hasher: PasswordHasher = PasswordHasher(), by actor: Actor
    ) throws {
        try checkPasswordShape(password, account: name)
        let hash = hasher.hash(password)
        try perform(actor, .manageAccounts, action: "account.password") { tx in
            try storePassword(hash, for: try Self.fetchAccount(name, tx.db), in: tx)
        }
    }

    /// Any signed-in account changes its own password, proving the current one first.
    public func changeOwnPassword(
        current: String, to password: String, hasher: PasswordHasher = PasswordHasher(), by actor: Actor
    ) throws {
        try checkPasswordShape(password, account: actor.name)
        let stored = try store.pool.read { db in try Self.fetchAccount(actor.name, db).passwordHash }
        guard let stored, hasher.verify(current, against: stored) else {
            throw CoreError.invalid("current", zh: "当前密码不正确", en: "the current password is wrong")
        }
        guard !hasher.verify(password, against: stored) else {
            throw CoreError.invalid("password", zh: "新密码不能与当前密码相同", en: "the new password must differ from the current one")
        }
        let hash = hasher.hash(password)
        // Every role holds viewRegistry: this is "any active account", with its audit.
        try perform(actor, .viewRegistry, action: "account.password") { tx in
            let account = try Self.fetchAccount(actor.name, tx.db)
            try storePassword(hash, for: account, in: tx)
            try Self.clearPasswordChangeDue(account.id, in: tx)
        }
    }

    /// First start of the service: when the admin has no password yet, every active account without
    /// one gets a random password, returned here to be printed once. Only hashes are stored, so a
    /// second start prints nothing.
    public func assignFirstPasswords(
        adminName: String, hasher: PasswordHasher = PasswordHasher()
    ) throws -> [(account: String, password: String)] {
        let accounts = try store.pool.read { db in
            try Account.filter(Account.Columns.status == Account.Status.active.rawValue).order(Account.Columns.id).fetchAll(db)
        }
        guard let admin = accounts.first(where: { $0.name == adminName }), admin.passwordHash == nil else {
            return []
        }
        let chosen = accounts.filter { $0.passwordHash == nil }.map { ($0, Self.generatePassword(policy)) }
        let hashed = chosen.map { ($0.0, hasher.hash($0.1)) }
        try perform(.system, .manageAccounts, action: "account.password") { tx in
            for (account, hash) in hashed { try storePassword(hash, for: account, in: tx) }
        }
        return chosen.map { ($0.0.name, $0.1) }
    }

    /// A random password of at least the policy's length from an alphabet without look-alikes.
    public static func generatePassword(_ policy: Policy) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679")
        let length = max(20, policy.parameters.passwordMinLength)
        var out = ""
        while out.count < length {
            for byte in SecureRandom.bytes(length) where Int(byte) < 256 - 256 % alphabet.count {
                if out.count < length { out.append(alphabet[Int(byte) % alphabet.count]) }
            }
        }
        return out
    }

    /// R1: long enough (the policy's length), not absurdly long, not the account's own name.
    func checkPasswordShape(_ password: String, account: String) throws {
        let minimum = policy.parameters.passwordMinLength
        guard password.count >= minimum else {
            throw CoreError.invalid(
                "password", zh: "密码至少 \(minimum) 个字符（R1）", en: "a password has at least \(minimum) characters (R1)")
        }
        guard password.count <= 256 else {
            throw CoreError.invalid("password", zh: "密码不能超过 256 个字符", en: "a password has at most 256 characters")
        }
        guard password.lowercased() != account.lowercased() else {
            throw CoreError.invalid("password", zh: "密码不能与账户名相同", en: "the password must not be the account name")
        }
    }

    /// Stores the hash and ends the account's sessions (API and gate tokens stay: they are not
    /// derived from the password).
    private func storePassword(_ hash: String, for before: Account, in tx: Transaction)
        throws
    {
        var account = before
        account.passwordHash = hash
        try account.update(tx.db)
        try tx.db.execute(
            sql: "UPDATE auth_token SET revoked_at = ? WHERE account_id = ? AND kind = 'session' AND revoked_at IS NULL",
            arguments: [tx.now, account.id])
        try tx.audit(
            "account.password", "account", key: account.name, before: before.redacted, after: account.redacted,
            clause: .R1)
    }
}
