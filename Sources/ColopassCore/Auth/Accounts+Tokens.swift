import Foundation
import GRDB

extension Accounts {
    /// The longest life an API or gate token may be given.
    public static let longestTokenDays = 3650

    /// The account a presented secret acts as, if the token exists, is neither revoked nor expired
    /// and its account is active. Anything else is R1.session (the server answers 401).
    public func authenticate(token secret: String) throws -> Authenticated {
        let now = clock.now()
        let found = try store.pool.read { db -> (AuthToken, Account, Bool)? in
            guard secret.count <= 200,
                let token = try AuthToken.fetchOne(db, where: "token_hash", is: AuthToken.hash(secret)),
                let account = try Account.fetchOne(db, where: "id", is: token.accountId)
            else { return nil }
            let due = try token.kind == .session && Self.passwordChangeDue(account.id, db)
            return (token, account, due)
        }
        guard let (token, account, due) = found, let id = token.id, token.isUsable(at: now),
            account.status == .active
        else {
            throw policy.refusal(
                R1.session, zh: "未登录或登录已过期，请重新登录", en: "not signed in, or the session has expired")
        }
        return Authenticated(
            actor: Actor(account: account).proven(by: token.kind.credentialName(id)), account: account.redacted,
            tokenId: id, kind: token.kind,
            expiresAt: token.expiresAt, passwordChangeDue: due)
    }

    /// Ends the session (or revokes the token) the actor is using. Audited.
    public func signOut(tokenId: Int64, by actor: Actor) throws {
        try perform(actor, .viewRegistry, action: "auth.signout") { tx in
            let account = try Self.fetchAccount(actor.name, tx.db)
            guard var token = try AuthToken.fetchOne(tx.db, key: tokenId), token.accountId == account.id else {
                throw CoreError.notFound(entity: "token", key: String(tokenId))
            }
            guard token.revokedAt == nil else { return }
            token.revokedAt = tx.now
            try token.update(tx.db)
            try tx.audit(
                "auth.signout", "auth_token", key: String(tokenId),
                after: TokenImage(id: tokenId, kind: token.kind, account: account.name, expiresAt: token.expiresAt))
        }
    }

    /// An admin issues a long-lived token: `api` for any account's scripts, `gate` for a guard
    /// account's door (it opens the gate routes only). The secret is returned once.
    public func issueToken(
        _ kind: AuthToken.Kind, for name: String, label: String?, days: Int? = nil, by actor: Actor
    ) throws -> IssuedToken {
        guard kind != .session else {
            throw CoreError.invalid("kind", zh: "会话只能通过登录获得", en: "sessions come from signing in only")
        }
        let label = try label.map { try Validate.name($0, field: "label", max: 80) }
        if let days {
            _ = try Validate.count(days, field: "days", atLeast: 1)
            // A token outliving ten years is a token nobody reviews; a far-future date is also no date.
            guard days <= Self.longestTokenDays else {
                throw CoreError.invalid(
                    "days", zh: "不能超过 \(Self.longestTokenDays) 天", en: "at most \(Self.longestTokenDays) days")
            }
        }
        return try perform(actor, .manageAccounts, action: "token.issue") { tx in
            let account = try Self.fetchAccount(name, tx.db)
            guard account.status == .active else {
                throw policy.refusal(R1.disabled, zh: "账户 \(name) 已停用", en: "account \(name) is disabled")
            }
            if kind == .gate, account.role != .guard {
                throw policy.refusal(
                    R1.role, zh: "门禁令牌只发给保安账户", en: "a gate token is issued to a guard account only")
            }
            let expires = days.map { tx.now.addingTimeInterval(TimeInterval($0) * 86_400) }
            let (secret, id) = try insertToken(kind, for: account, label: label, expires: expires, in: tx)
            try tx.audit(
                "token.issue", "auth_token", key: String(id),
                after: TokenImage(id: id, kind: kind, label: label, account: account.name, expiresAt: expires),
                clause: .R1)
            return IssuedToken(id: id, kind: kind, account: account.name, token: secret, expiresAt: expires)
        }
    }

    public func revokeToken(_ id: Int64, by actor: Actor) throws -> TokenView {
        try perform(actor, .manageAccounts, action: "token.revoke") { tx in
            guard let before = try AuthToken.fetchOne(tx.db, key: id) else {
                throw CoreError.notFound(entity: "token", key: String(id))
            }
            guard before.revokedAt == nil else {
                throw policy.refusal(D1.status, zh: "令牌已撤销", en: "the token is already revoked")
            }
            var token = before
            token.revokedAt = tx.now
            try token.update(tx.db)
            let view = try Self.tokenView(token, tx.db)
            try tx.audit("token.revoke", "auth_token", key: String(id), after: view, clause: .R1)
            return view
        }
    }

    /// Tokens and sessions that still work, or every one with `includeEnded`.
    public func tokens(includeEnded: Bool = false, by actor: Actor) throws -> [TokenView] {
        try read(actor, .manageAccounts) { db in
            let now = clock.now()
            return try AuthToken.order(AuthToken.Columns.id).fetchAll(db)
                .filter { includeEnded || $0.isUsable(at: now) }
                .map { try Self.tokenView($0, db) }
        }
    }

    func insertToken(
        _ kind: AuthToken.Kind, for account: Account, label: String?, expires: Date?, in tx: Transaction
    ) throws -> (secret: String, id: Int64) {
        let (secret, hash) = AuthToken.mint(kind)
        var token = AuthToken(
            id: nil, tokenHash: hash, kind: kind, accountId: account.id, label: label, createdAt: tx.now,
            createdBy: tx.actor.name, expiresAt: expires, revokedAt: nil)
        try token.insert(tx.db)
        token.id = tx.db.lastInsertedRowID
        return (secret, tx.db.lastInsertedRowID)
    }

    static func tokenView(_ token: AuthToken, _ db: Database) throws -> TokenView {
        let name = try String.fetchOne(db, sql: "SELECT name FROM account WHERE id = ?", arguments: [token.accountId])
        return TokenView(
            id: token.id ?? 0, kind: token.kind, account: name ?? "?", label: token.label, createdAt: token.createdAt,
            createdBy: token.createdBy, expiresAt: token.expiresAt, revokedAt: token.revokedAt)
    }
}
