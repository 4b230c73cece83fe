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

    /// Every credential of every kind: the first, full snapshot.
    static func allKeys(in db: Database) throws -> [(CredentialKind, Int64)] {
        try Row.fetchAll(db, sql: "SELECT kind, credential_id FROM gate_change GROUP BY kind, credential_id")
            .compactMap { row in CredentialKind(rawValue: row["kind"]).map { ($0, row["credential_id"]) } }
    }
}
