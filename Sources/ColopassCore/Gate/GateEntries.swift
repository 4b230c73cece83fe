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

    /// Entries for many credentials at once, as a snapshot wants them: cards and their holders
    /// read in batches, each client and contract once. A gate's first snapshot carries every card
    /// of the site; reading them one by one (four queries a card) took a minute at 100,000.
    static func entries(_ keys: [(CredentialKind, Int64)], in db: Database, batchSize: Int = batchSize) throws
        -> [GateEntry]
    {
        var entries: [GateEntry] = []
        entries.reserveCapacity(keys.count)
        var clients: [Int64: Client] = [:]
        var contracts: [Int64: Contract] = [:]
        let cardIDs = keys.filter { $0.0 == .accessCard }.map(\.1).sorted()
        for start in stride(from: 0, to: cardIDs.count, by: batchSize) {
            let cards = try Card.fetchAll(db, keys: cardIDs[start..<min(start + batchSize, cardIDs.count)])
                .sorted { $0.id < $1.id }
            let people = Dictionary(
                try Person.fetchAll(db, keys: Set(cards.map(\.personId))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for card in cards {
                guard let person = people[card.personId] else { continue }
                if clients[card.clientId] == nil { clients[card.clientId] = try Client.fetchOne(db, where: "id", is: card.clientId) }
                if contracts[card.contractId] == nil { contracts[card.contractId] = try Contract.fetchOne(db, where: "id", is: card.contractId) }
                guard let client = clients[card.clientId], let contract = contracts[card.contractId] else { continue }
                entries.append(GateEntry.card(card, person: person, client: client, contract: contract))
            }
        }
        for (kind, id) in keys where kind != .accessCard {
            if let entry = try passOrSlipEntry(kind: kind, id: id, in: db) { entries.append(entry) }
        }
        return entries
    }

    /// Rows per batched read: well under SQLite's limit on bound parameters.
    static let batchSize = 500
}
