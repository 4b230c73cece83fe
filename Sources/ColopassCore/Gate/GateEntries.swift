import Foundation
import GRDB

/// Builds gate entries from the service's database, kind by kind.
enum GateEntries {
    static func card(id: Int64, in db: Database) throws -> GateEntry? {
        guard let card = try Card.fetchOne(db, key: id), let person = try Person.fetchOne(db, key: card.personId),
            let client = try Client.fetchOne(db, key: card.clientId),
            let contract = try Contract.fetchOne(db, key: card.contractId)
        else { return nil }
        return GateEntry.card(card, person: person, client: client, contract: contract)
    }

    static func entry(kind: CredentialKind, id: Int64, in db: Database) throws -> GateEntry? {
        switch kind {
        case .accessCard: try card(id: id, in: db)
        case .temporaryPass, .emergencyPass, .exitSlip: try passOrSlipEntry(kind: kind, id: id, in: db)
        }
    }

    /// Entries for many credentials at once, as a snapshot wants them: every card of the batch
    /// with its holder, client and contract in one joined statement (the card ids bound as one
    /// JSON array), read by column position into what the door needs and nothing more. A gate's
    /// first snapshot carries every card of the site; reading them record by record (four
    /// queries a card, then a card and holder batch with a query per client and contract, every
    /// column decoded through `Codable`) was most of a full snapshot's time.
    static func entries(_ keys: [(CredentialKind, Int64)], in db: Database, batchSize: Int = batchSize) throws
        -> [GateEntry]
    {
        var entries: [GateEntry] = []
        entries.reserveCapacity(keys.count)
        let cardIDs = keys.filter { $0.0 == .accessCard }.map(\.1).sorted()
        let statement = try db.cachedStatement(
            sql: """
                SELECT \(CardAtDoor.columns) FROM \(CardAtDoor.join)
                WHERE card.id IN (SELECT value FROM json_each(?)) ORDER BY card.id
                """)
        for start in stride(from: 0, to: cardIDs.count, by: batchSize) {
            let batch = cardIDs[start..<min(start + batchSize, cardIDs.count)]
            let ids = "[" + batch.map(String.init).joined(separator: ",") + "]"
            let rows = try Row.fetchCursor(statement, arguments: [ids])
            while let row = try rows.next() { entries.append(GateEntry.card(try CardAtDoor(row: row))) }
        }
        for (kind, id) in keys where kind != .accessCard {
            if let entry = try passOrSlipEntry(kind: kind, id: id, in: db) { entries.append(entry) }
        }
        return entries
    }

    /// Cards per joined read: a page of a snapshot in one statement.
    static let batchSize = 5_000
}
