import GRDB

/// Mapped by hand for the same reason as `Card(row:)`: every signed-in request reads its account.
extension Account {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"), name: try row.decode(forColumn: "name"),
            displayName: try row.decode(forColumn: "display_name"), role: try row.decode(rawValueForColumn: "role"),
            clientId: try row.decode(forColumn: "client_id"), status: try row.decode(rawValueForColumn: "status"),
            passwordHash: try row.decode(forColumn: "password_hash"), createdAt: try row.decode(forColumn: "created_at"))
    }
}
