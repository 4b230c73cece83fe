import Foundation
import GRDB

/// A card with what a screen shows beside it: holder, client and the status word of today.
public struct CardView: Sendable, Codable {
    public var card: Card
    public var holderName: String
    public var holderMaskedID: String
    public var clientName: String
    public var status: String
}

extension Cards {
    public func cards(clientId: Int64? = nil, by actor: Actor) throws -> [CardView] {
        try read(actor, .viewRegistry) { db in
            var request = Card.order(Card.Columns.id)
            if let clientId { request = request.filter(Card.Columns.clientId == clientId) }
            if actor.role == .clientUser { request = request.filter(Card.Columns.clientId == actor.clientId) }
            return try request.fetchAll(db).map { try self.view(of: $0, db) }
        }
    }

    public func card(_ number: CardNumber, by actor: Actor) throws -> CardView {
        let number = number.text
        let found = try read(actor, .viewRegistry) { db in try self.view(of: try Self.fetchCard(number, db), db) }
        try requireOwnClient(actor, found.card.clientId)
        return found
    }

    private func view(of card: Card, _ db: Database) throws -> CardView {
        let person = try Registry.fetchPerson(card.personId, db)
        let client = try Registry.fetchClient(card.clientId, db)
        return CardView(
            card: card, holderName: person.name, holderMaskedID: person.maskedIDNumber, clientName: client.name,
            status: card.statusLabel(at: clock.now()))
    }
}
