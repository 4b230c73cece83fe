import GRDB

/// The records every API request reads (its token and account; a card, its holder and client)
/// are mapped by hand: `Codable` decoding looks each column up by a converted key and was a
/// large part of the card look-up's time. A test holds each mapping to the `Codable` one.
extension Card {
    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"), number: try row.decode(forColumn: "number"),
            clientId: try row.decode(forColumn: "client_id"), contractId: try row.decode(forColumn: "contract_id"),
            personId: try row.decode(forColumn: "person_id"), generation: try row.decode(forColumn: "generation"),
            status: try row.decode(rawValueForColumn: "status"), validFrom: try row.decode(forColumn: "valid_from"),
            validUntil: try row.decode(forColumn: "valid_until"), keyId: try row.decode(forColumn: "key_id"),
            credential: try row.decode(forColumn: "credential"), issuedAt: try row.decode(forColumn: "issued_at"),
            issuedBy: try row.decode(forColumn: "issued_by"), lostAt: try row.decode(forColumn: "lost_at"),
            lossLetter: try row.decode(forColumn: "loss_letter"), cancelledAt: try row.decode(forColumn: "cancelled_at"),
            cancelReason: try row.decode(forColumn: "cancel_reason"),
            stopClause: try row.decodeIfPresent(rawValueForColumn: "stop_clause"), returnedAt: try row.decode(forColumn: "returned_at"))
    }
}
