import Foundation
import GRDB

extension Cards {
    /// Renders a card's badge from its current credential. Printing is audited: an auditor asks
    /// how many badges of a card exist.
    public func renderBadge(_ number: String, by actor: Actor) throws -> Badge {
        let number = try CardNumber.parse(number)
        return try perform(actor, .issueCards, action: "badge.render") { tx in
            let card = try Self.fetchCard(number, tx.db)
            guard card.status == .active, !card.isExpired(at: tx.now) else {
                throw policy.refusal(
                    C1.validity, zh: "只能为有效的出入证打印胸卡", en: "only a valid card's badge can be printed")
            }
            let badge = try badge(for: card, in: tx.db)
            try tx.audit("badge.render", "card", key: card.number, after: ["generation": card.generation])
            return badge
        }
    }

    func badge(for card: Card, in db: Database) throws -> Badge {
        let person = try Registry.fetchPerson(card.personId, db)
        let client = try Registry.fetchClient(card.clientId, db)
        let photo = try person.photo.flatMap { sha -> (bytes: [UInt8], mediaType: String)? in
            guard let data = FileManager.default.contents(atPath: documents.path(of: sha)),
                let type = try String.fetchOne(db, sql: "SELECT media_type FROM document WHERE sha256 = ?", arguments: [sha])
            else { return nil }
            return (Array(data), type)
        }
        let qr = try QRCode(encoding: card.credential)
        let renderer = BadgeRenderer(policy: policy)
        return Badge(
            cardNumber: card.number,
            front: renderer.front(
                card: card, holder: .init(name: person.name, company: client.name, photo: photo), qr: qr),
            back: renderer.back(card: card), qrPNG: try qr.pngData(scale: 8), qrSVG: qr.svgDocument(moduleSize: 8))
    }
}
