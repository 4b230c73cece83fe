import Foundation
import GRDB

extension Cards {
    /// Renders a card's badge from its current credential. Printing is audited: an auditor asks
    /// how many badges of a card exist. The drawing (QR, PNG, SVG) happens after the commit, from
    /// what it committed: the store's one writer never waits for an image.
    public func renderBadge(_ number: CardNumber, by actor: Actor) throws -> Badge {
        let number = number.text
        let face = try perform(actor, .issueCards, action: "badge.render") { tx in
            let card = try Self.fetchCard(number, tx.db)
            guard card.status == .active, !card.isExpired(at: tx.now) else {
                throw policy.refusal(
                    C1.validity, zh: "只能为有效的出入证打印胸卡", en: "only a valid card's badge can be printed")
            }
            let face = try badgeFace(for: card, in: tx.db)
            try tx.audit("badge.render", "card", key: card.number, after: ["generation": card.generation])
            return face
        }
        return try badge(face)
    }

    /// What a badge shows, read in the transaction that audits the print.
    struct BadgeFace {
        var card: Card
        var name: String
        var company: String
        var photo: (sha256: String, mediaType: String)?
    }

    func badgeFace(for card: Card, in db: Database) throws -> BadgeFace {
        let person = try Registry.fetchPerson(card.personId, db)
        let client = try Registry.fetchClient(card.clientId, db)
        let photo = try person.photo.flatMap { sha -> (sha256: String, mediaType: String)? in
            try String.fetchOne(db, sql: "SELECT media_type FROM document WHERE sha256 = ?", arguments: [sha])
                .map { (sha, $0) }
        }
        return BadgeFace(card: card, name: person.name, company: client.name, photo: photo)
    }

    /// Draws the badge. Documents are stored once under their hash and never rewritten, so the
    /// photo read here is the one the transaction saw.
    func badge(_ face: BadgeFace) throws -> Badge {
        let photo = face.photo.flatMap { photo -> (bytes: [UInt8], mediaType: String)? in
            FileManager.default.contents(atPath: documents.path(of: photo.sha256)).map { (Array($0), photo.mediaType) }
        }
        let qr = try QRCode(encoding: face.card.credential)
        let renderer = BadgeRenderer(policy: policy)
        return Badge(
            cardNumber: face.card.number,
            front: renderer.front(
                card: face.card, holder: .init(name: face.name, company: face.company, photo: photo), qr: qr),
            back: renderer.back(card: face.card), qrPNG: try qr.pngData(scale: 8),
            qrSVG: qr.svgDocument(moduleSize: 8))
    }
}
