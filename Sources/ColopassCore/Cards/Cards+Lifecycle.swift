import Foundation
import GRDB

extension Cards {
    /// C4: a lost card is revoked at once. The client (own cards) or customer service reports it.
    public func reportCardLost(_ number: CardNumber, by actor: Actor) throws -> Card {
        try changeCard(number, by: actor, permission: .reportCardLost, action: "card.lost", clause: .C4) { tx, card in
            guard card.status == .active else {
                throw policy.refusal(
                    C4.state, zh: "只有有效的出入证可以挂失（当前：\(card.status.rawValue)）",
                    en: "only an active card can be reported lost (now \(card.status.rawValue))")
            }
            card.status = .lost
            card.lostAt = tx.now
        }
    }

    /// C8: a lost card is replaced only against the client's letter stating the loss. The same
    /// number gets a new generation, so the lost badge's QR is denied forever.
    public func reissueCard(_ number: CardNumber, lossLetterPath: String?, by actor: Actor) throws -> Card {
        let letter = try lossLetterPath.map { try documents.load($0, field: "loss_letter") }
        return try changeCard(number, by: actor, permission: .issueCards, action: "card.reissue", clause: .C8) {
            tx, card in
            guard card.status == .lost else {
                throw policy.refusal(
                    C8.notLost, zh: "只有已挂失的出入证可以补办", en: "only a card reported lost can be reissued")
            }
            guard let letter else {
                throw policy.refusal(
                    C8.letter, zh: "补办须提供注明遗失的单位介绍信", en: "a reissue needs the client's letter stating the loss")
            }
            let person = try Registry.fetchPerson(card.personId, tx.db)
            let client = try Registry.fetchClient(card.clientId, tx.db)
            let contract = try checkCardHolder(person, client, in: tx)
            try checkCardLimit(client, in: tx)
            let (from, until) = cardValidity(contract, now: tx.now)
            let generation = card.generation + 1
            let signed = try credentials.sign({ key in
                Credential(
                    kind: .accessCard, keyId: key, credentialId: UInt32(card.id), generation: UInt16(generation),
                    site: policy.site.code, validFrom: from, validUntil: until)
            }, in: tx)
            card.lossLetter = try documents.store(letter.bytes, type: letter.type, in: tx.db, at: tx.now)
            card.generation = generation
            card.status = .active
            card.contractId = contract.id
            card.validFrom = from
            card.validUntil = until
            card.keyId = Int64(signed.credential.keyId)
            card.credential = signed.text
            card.issuedAt = tx.now
            card.issuedBy = tx.actor.name
        }
    }

    /// Customer service takes a card out of service (staff change reported in person, misuse…).
    public func cancelCard(_ number: CardNumber, reason: String, by actor: Actor) throws -> Card {
        let reason = try Validate.name(reason, field: "reason", max: 200)
        return try changeCard(number, by: actor, permission: .issueCards, action: "card.cancel", clause: .C5) {
            tx, card in
            guard card.status == .active || card.status == .lost else {
                throw policy.refusal(
                    C5.state, zh: "出入证已是 \(card.status.rawValue) 状态", en: "the card is already \(card.status.rawValue)")
            }
            Self.cancel(&card, reason: reason, clause: .C5, at: tx.now)
        }
    }

    /// C9: the physical card is back at customer service.
    public func recordCardReturn(_ number: CardNumber, by actor: Actor) throws -> Card {
        try changeCard(number, by: actor, permission: .returnCards, action: "card.return", clause: .C9) { tx, card in
            guard card.returnedAt == nil, card.status != .lost else {
                throw policy.refusal(
                    C9.state, zh: "此卡已交回或已挂失", en: "this card was already returned or is reported lost")
            }
            card.status = .returned
            card.returnedAt = tx.now
            if card.cancelledAt == nil { card.cancelledAt = tx.now }
        }
    }

    static func cancel(_ card: inout Card, reason: String, clause: ClauseID, at now: Date) {
        card.status = .cancelled
        card.cancelledAt = now
        card.cancelReason = reason
        card.stopClause = clause
    }

    private func changeCard(
        _ number: CardNumber, by actor: Actor, permission: Permission, action: String, clause: ClauseID,
        _ change: (Transaction, inout Card) throws -> Void
    ) throws -> Card {
        let number = number.text
        return try perform(actor, permission, action: action) { tx in
            let before = try Self.fetchCard(number, tx.db)
            try tx.requireOwnClient(before.clientId)
            var card = before
            try change(tx, &card)
            try card.update(tx.db)
            try tx.audit(action, "card", key: card.number, before: before, after: card, clause: clause)
            return card
        }
    }

    static func fetchCard(_ number: String, _ db: Database) throws -> Card {
        guard let card = try Card.fetchOne(db, where: "number", is: number) else {
            throw CoreError.notFound(entity: "card", key: number)
        }
        return card
    }
}
