import GRDB

/// Mapped by hand for the same reason as `Card(row:)`.
extension Person {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"), clientId: try row.decode(forColumn: "client_id"),
            name: try row.decode(forColumn: "name"), idType: try row.decode(rawValueForColumn: "id_type"),
            idNumber: try row.decode(forColumn: "id_number"), phone: try row.decode(forColumn: "phone"),
            photo: try row.decode(forColumn: "photo"), idCopy: try row.decode(forColumn: "id_copy"),
            letter: try row.decode(forColumn: "letter"), status: try row.decode(rawValueForColumn: "status"),
            createdAt: try row.decode(forColumn: "created_at"), departedAt: try row.decode(forColumn: "departed_at"),
            mayMove: try row.decode(forColumn: "may_move"), mayHost: try row.decode(forColumn: "may_host"))
    }
}
