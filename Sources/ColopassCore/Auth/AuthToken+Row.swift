import GRDB

/// Mapped by hand for the same reason as `Card(row:)`: every signed-in request reads its token.
extension AuthToken {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"), tokenHash: try row.decode(forColumn: "token_hash"),
            kind: try row.decode(rawValueForColumn: "kind"), accountId: try row.decode(forColumn: "account_id"),
            label: try row.decode(forColumn: "label"), createdAt: try row.decode(forColumn: "created_at"),
            createdBy: try row.decode(forColumn: "created_by"), expiresAt: try row.decode(forColumn: "expires_at"),
            revokedAt: try row.decode(forColumn: "revoked_at"))
    }
}
