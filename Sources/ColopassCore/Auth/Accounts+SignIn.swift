import Foundation
import GRDB

/// A successful sign-in: the account (hash redacted) and the session secret, shown once.
public struct SignIn: Sendable {
    public var account: Account
    public var actor: Actor
    public var token: String
    public var tokenId: Int64
    public var expiresAt: Date
}

extension Accounts {
    /// How long a session lasts from its sign-in. The policy names no number; a working shift.
    public static let sessionHours = 12.0

    /// R1: signs an account in with its password from `address` (the client's address). Failures
    /// are counted per (account, address) pair and per account, never per address alone: a front
    /// desk behind one NAT shares an address, and one person's typos must not lock out the others.
    /// After the policy's number of failures for the pair, or its larger number for the account
    /// from everywhere, inside the lock-out window, every attempt is refused (R1.throttled), a
    /// right password too, and the refused attempt is not counted (so waiting it out works). A
    /// wrong name and a wrong password look the same, and cost the same time.
    public func signIn(
        name: String, password: String, from address: String, hasher: PasswordHasher = PasswordHasher()
    ) throws -> SignIn {
        let login = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !login.isEmpty, login.count <= 40 else {
            throw CoreError.invalid("name", zh: "请输入账户名", en: "give the account name")
        }
        guard !password.isEmpty, password.count <= 256 else {
            throw CoreError.invalid("password", zh: "请输入密码", en: "give the password")
        }
        let subjects = ["account:\(login)", "pair:\(login)@\(address.prefix(64))"]
        let now = clock.now()
        let (account, throttled) = try store.pool.read { db in
            (try Account.filter(Account.Columns.name == login).fetchOne(db), try signInThrottled(subjects, now, db))
        }
        let actor = account.map(Actor.init(account:)) ?? .anonymous
        if throttled {
            let minutes = policy.parameters.signinLockoutMinutes
            let refusal = policy.refusal(
                R1.throttled, zh: "登录失败次数过多，请 \(minutes) 分钟后再试",
                en: "too many failed sign-ins; try again in \(minutes) minutes")
            try recordSignInRefusal(refusal, login: login, actor: actor, failure: nil, now: now)
            throw refusal
        }
        let stored = account?.status == .active ? account?.passwordHash : nil
        // The same work for every outcome: an unknown name still costs one full verification.
        let matches = hasher.verify(password, against: stored ?? Self.decoyHash(hasher))
        guard matches, stored != nil, let account else {
            let refusal = policy.refusal(
                R1.signin, zh: "账户名或密码不正确", en: "wrong account name or password")
            try recordSignInRefusal(refusal, login: login, actor: actor, failure: subjects, now: now)
            throw refusal
        }
        return try perform(Actor(account: account), .viewRegistry, action: "auth.signin") { tx in
            try tx.db.execute(sql: "DELETE FROM signin_failure WHERE subject IN (?, ?)", arguments: [subjects[0], subjects[1]])
            let expires = tx.now.addingTimeInterval(Self.sessionHours * 3600)
            let (secret, id) = try insertToken(.session, for: account, label: nil, expires: expires, in: tx)
            try tx.audit(
                "auth.signin", "account", key: account.name,
                after: TokenImage(id: id, kind: .session, expiresAt: expires), clause: .R1)
            return SignIn(
                account: account.redacted, actor: Actor(account: account), token: secret, tokenId: id,
                expiresAt: expires)
        }
    }

    /// Whether the account (`subjects[0]`, against the per-account number) or the account from
    /// this address (`subjects[1]`, against the per-pair number) has too many recent failures.
    func signInThrottled(_ subjects: [String], _ now: Date, _ db: Database) throws -> Bool {
        let since = now.addingTimeInterval(-TimeInterval(policy.parameters.signinLockoutMinutes) * 60)
        let limits = [policy.parameters.signinMaxFailuresPerAccount, policy.parameters.signinMaxFailures]
        for (subject, limit) in zip(subjects, limits) {
            let failures = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM signin_failure WHERE subject = ? AND at > ?",
                arguments: [subject, since]) ?? 0
            if failures >= limit { return true }
        }
        return false
    }

    /// Counts a failure (unless the attempt was already throttled) and audits the refusal, in one
    /// write that commits although the sign-in fails. Old failures are pruned on the way.
    private func recordSignInRefusal(
        _ error: CoreError, login: String, actor: Actor, failure subjects: [String]?, now: Date
    ) throws {
        guard case .refused(let refusal) = error else { return }
        try store.pool.write { db in
            if let subjects {
                for subject in subjects {
                    try db.execute(
                        sql: "INSERT INTO signin_failure (subject, at) VALUES (?, ?)", arguments: [subject, now])
                }
            }
            let horizon = now.addingTimeInterval(-TimeInterval(policy.parameters.signinLockoutMinutes) * 60 * 2)
            try db.execute(sql: "DELETE FROM signin_failure WHERE at < ?", arguments: [horizon])
            _ = try AuditLog.append(
                AuditLog.Entry(
                    action: "auth.signin", entity: "account", entityKey: String(login.prefix(40)),
                    after: AuditImage.of(refusal.reason), clause: refusal.clause.code, outcome: .refused),
                actor: actor, at: now, in: db)
        }
    }

    /// A well-formed stored hash that matches no password, at the hasher's cost.
    static func decoyHash(_ hasher: PasswordHasher) -> String {
        let salt = Data(repeating: 0x5A, count: 16).base64EncodedString()
        let key = Data(repeating: 0, count: 32).base64EncodedString()
        return "\(PasswordHasher.scheme)$\(hasher.iterations)$\(salt)$\(key)"
    }
}

extension Actor {
    /// Who a sign-in attempt for an unknown account is audited as. Acts for no one: it is only
    /// ever a name in the audit log.
    static let anonymous = Actor(
        account: Account(
            id: 0, name: "anonymous", displayName: "anonymous", role: .clientUser, clientId: nil, status: .disabled,
            passwordHash: nil, createdAt: Date(timeIntervalSince1970: 0)))
}

/// What the audit keeps of a token: its row id, kind and expiry, never the secret or its hash.
struct TokenImage: Encodable {
    var id: Int64
    var kind: AuthToken.Kind
    var label: String? = nil
    var account: String? = nil
    var expiresAt: Date?
}
