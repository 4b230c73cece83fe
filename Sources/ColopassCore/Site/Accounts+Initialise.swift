import GRDB

extension Accounts {
    /// First start of a site: the first admin account, unless one exists. Safe to call every start.
    public func initialiseSite(adminName: String) throws -> (createdAdmin: Bool, admin: String) {
        let hasAdmin = try store.pool.read { db in
            try Account.filter(Account.Columns.role == Role.admin.rawValue).fetchCount(db) > 0
        }
        if hasAdmin { return (false, adminName) }
        _ = try addAccount(name: adminName, displayName: "管理员 Administrator", role: .admin, by: .system)
        return (true, adminName)
    }
}
