import GRDB

/// Mapped by hand for the same reason as `Card(row:)`.
extension Client {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"), kind: try row.decode(rawValueForColumn: "kind"),
            name: try row.decode(forColumn: "name"), creditCode: try row.decode(forColumn: "credit_code"),
            idType: try row.decodeIfPresent(rawValueForColumn: "id_type"),
            idNumber: try row.decode(forColumn: "id_number"), status: try row.decode(rawValueForColumn: "status"),
            createdAt: try row.decode(forColumn: "created_at"))
    }
}
