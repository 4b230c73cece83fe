import Foundation
import GRDB

extension Accounts {
    /// Creates an operator account (or a client user, bound to `clientId`).
    public func addAccount(
        name: String, displayName: String? = nil, role: Role, clientId: Int64? = nil, by actor: Actor
    ) throws -> Account {
        let login = try Validate.name(name, field: "name", max: 40)
        guard login.range(of: #"^[a-z][a-z0-9._\-]*$"#, options: .regularExpression) != nil else {
            throw CoreError.invalid(
                "name", zh: "账户名以小写字母开头，只含小写字母、数字和 . _ -",
                en: "an account name starts with a lower-case letter and has only a-z 0-9 . _ -")
        }
        guard login != Actor.system.name else {
            throw CoreError.invalid("name", zh: "“system”为保留名", en: "'system' is reserved")
        }
        let display = try Validate.name(displayName ?? login, field: "display_name")
        switch (role, clientId) {
        case (.clientUser, nil):
            throw CoreError.invalid("client", zh: "客户用户须绑定一个客户", en: "a client user is bound to one client")
        case (.clientUser, _), (_, nil): break
        case (_, .some):
            throw CoreError.invalid("client", zh: "只有客户用户绑定客户", en: "only client users are bound to a client")
        }
        return try perform(actor, .manageAccounts, action: "account.add") { tx in
            if let clientId { _ = try Registry.fetchClient(clientId, tx.db) }
            if try Account.filter(Account.Columns.name == login).fetchCount(tx.db) > 0 {
                throw policy.refusal(D1.unique, zh: "账户 \(login) 已存在", en: "account \(login) already exists")
            }
            let account = Account(
                id: try Store.nextID(of: Account.databaseTableName, in: tx.db), name: login, displayName: display,
                role: role, clientId: clientId, status: .active, passwordHash: nil, createdAt: tx.now)
            try account.insert(tx.db)
            try tx.audit("account.add", "account", key: login, after: account.redacted)
            return account
        }
    }

    public func disableAccount(_ name: String, by actor: Actor) throws -> Account {
        try perform(actor, .manageAccounts, action: "account.disable") { tx in
            let before = try Self.fetchAccount(name, tx.db)
            guard before.name != actor.name else {
                throw policy.refusal(R2.ownRequest, zh: "不能停用自己的账户", en: "no one disables their own account")
            }
            var account = before
            account.status = .disabled
            try account.update(tx.db)
            try tx.audit("account.disable", "account", key: name, before: before.redacted, after: account.redacted)
            return account
        }
    }

    public func accounts(by actor: Actor) throws -> [Account] {
        try read(actor, .manageAccounts) { db in try Account.order(Account.Columns.id).fetchAll(db).map(\.redacted) }
    }

    /// The actor for an account name. A disabled or unknown account acts for no one.
    public func actor(named name: String) throws -> Actor {
        if name == Actor.system.name {
            throw CoreError.invalid("as", zh: "“system”不能用于登录", en: "'system' cannot be used to act")
        }
        let account = try store.pool.read { db in try Self.fetchAccount(name, db) }
        guard account.status == .active else {
            throw policy.refusal(R1.disabled, zh: "账户 \(name) 已停用", en: "account \(name) is disabled")
        }
        return Actor(account: account)
    }

    static func fetchAccount(_ name: String, _ db: Database) throws -> Account {
        guard let account = try Account.filter(Account.Columns.name == name).fetchOne(db) else {
            throw CoreError.notFound(entity: "account", key: name)
        }
        return account
    }
}
