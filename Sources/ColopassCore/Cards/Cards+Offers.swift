import Foundation

/// What the asker may do with a card now: the same permission table and states the actions
/// check, asked before rather than after. Shells offer exactly these, so no page or command
/// re-derives a rule from a role or a status; the actions still refuse whatever slips through.
public struct CardOffers: Sendable, Equatable {
    public var printBadge = false
    public var reportLost = false
    public var reissue = false
    public var cancel = false
    public var recordReturn = false

    public var any: Bool { printBadge || reportLost || reissue || cancel || recordReturn }
}

/// What the asker may do for a person: issue a card only to someone active who holds none (C3).
public struct PersonOffers: Sendable, Equatable {
    public var issueCard = false
}

extension Cards {
    public func offers(_ view: CardView, to actor: Actor, at now: Date? = nil) -> CardOffers {
        let card = view.card
        let now = now ?? clock.now()
        var offers = CardOffers()
        offers.printBadge = actor.may(.issueCards) && card.status == .active && !card.isExpired(at: now)
        offers.reportLost = actor.may(.reportCardLost) && card.status == .active && actor.owns(card.clientId)
        offers.reissue = actor.may(.issueCards) && card.status == .lost
        offers.cancel = actor.may(.issueCards) && (card.status == .active || card.status == .lost)
        offers.recordReturn = actor.may(.returnCards) && card.returnedAt == nil && card.status != .lost
        return offers
    }

    /// `cards`: the person's client's cards, as the page already holds them.
    public func offers(_ person: PersonView, cards: [CardView], to actor: Actor) -> PersonOffers {
        let p = person.person
        let holds = cards.contains { $0.card.personId == p.id && ($0.card.status == .active || $0.card.status == .lost) }
        return PersonOffers(issueCard: actor.may(.issueCards) && p.status == .active && !holds)
    }
}

extension Actor {
    /// R3 as a question: an operator acts for every client, a client user for its own.
    public func owns(_ clientId: Int64) -> Bool { role != .clientUser || self.clientId == clientId }
}
