import Foundation
import GRDB

/// What a client's administrator may let each of its people do.
public struct PersonGrants: Sendable, Codable, Equatable {
    /// Q5: may act as a mover on the client's removals.
    public var mayMove: Bool?
    /// C7: may host the client's visitors.
    public var mayHost: Bool?

    public init(mayMove: Bool? = nil, mayHost: Bool? = nil) {
        self.mayMove = mayMove
        self.mayHost = mayHost
    }
}

extension Registry {
    /// A client's administrator asks for a card for one of its active people. Checked now
    /// against what can be known before the desk looks (C5 departed, C3 one card, one open
    /// request per person); the desk checks C1–C3 again when it approves.
    public func fileCardRequest(personId: Int64, by actor: Actor) throws -> CardRequest {
        try perform(actor, .managePersonnel, action: "cardrequest.file") { tx in
            let person = try Self.fetchPerson(personId, tx.db)
            try tx.requireOwnClient(person.clientId)
            try tx.requireClientAdmin()
            guard person.status == .active else {
                throw policy.refusal(C5.departed, zh: "\(person.name) 已离职", en: "\(person.name) has departed")
            }
            if let held = try Card.filter(Card.Columns.personId == person.id).fetchAll(tx.db)
                .first(where: { $0.occupiesSlot(at: tx.now) })
            {
                throw policy.refusal(
                    C3.oneCard, zh: "\(person.name) 已持有出入证 \(held.number)，一人一证",
                    en: "\(person.name) already holds card \(held.number): one card per person")
            }
            let open = try CardRequest.filter(
                CardRequest.Columns.personId == person.id && CardRequest.Columns.status == CardRequest.Status.filed.rawValue
            ).fetchCount(tx.db)
            guard open == 0 else {
                throw policy.refusal(
                    D1.unique, zh: "\(person.name) 已有待办的办证申请", en: "\(person.name) already has a card request waiting")
            }
            let request = CardRequest(
                id: try Store.nextID(of: CardRequest.databaseTableName, in: tx.db), personId: person.id,
                clientId: person.clientId, status: .filed, filedBy: tx.actor.name, filedAt: tx.now)
            try request.insert(tx.db)
            try tx.audit("cardrequest.file", "card_request", key: String(request.id), after: request, clause: .C1)
            return request
        }
    }

    /// C1–C3: the desk approves a card request by issuing the card, in the same transaction; a
    /// refusal of the card (no approved photo, the client's limit) leaves the request waiting.
    public func approveCardRequest(_ id: Int64, by actor: Actor) throws -> (request: CardRequest, card: Card) {
        try perform(actor, .issueCards, action: "cardrequest.approve") { tx in
            var request = try filedCardRequest(id, deciding: true, tx)
            let card = try cards.issueCard(personId: request.personId, in: tx)
            request.status = .approved
            request.decidedBy = tx.actor.name
            request.decidedAt = tx.now
            request.cardNumber = card.number
            try request.update(tx.db)
            try tx.audit("cardrequest.approve", "card_request", key: String(id), after: request, clause: .C1)
            return (request, card)
        }
    }

    /// The desk refuses a card request, with the reason the client reads.
    public func refuseCardRequest(_ id: Int64, reason: String, by actor: Actor) throws -> CardRequest {
        let reason = try Validate.name(reason, field: "reason", max: 500)
        return try perform(actor, .issueCards, action: "cardrequest.refuse") { tx in
            var request = try filedCardRequest(id, deciding: true, tx)
            request.status = .refused
            request.decidedBy = tx.actor.name
            request.decidedAt = tx.now
            request.reason = reason
            try request.update(tx.db)
            try tx.audit("cardrequest.refuse", "card_request", key: String(id), after: request, clause: .C1)
            return request
        }
    }

    /// The client withdraws a card request the desk has not decided.
    public func withdrawCardRequest(_ id: Int64, by actor: Actor) throws -> CardRequest {
        try perform(actor, .managePersonnel, action: "cardrequest.withdraw") { tx in
            var request = try filedCardRequest(id, deciding: false, tx)
            try tx.requireOwnClient(request.clientId)
            try tx.requireClientAdmin()
            request.status = .withdrawn
            request.decidedBy = tx.actor.name
            request.decidedAt = tx.now
            try request.update(tx.db)
            try tx.audit("cardrequest.withdraw", "card_request", key: String(id), after: request, clause: .C1)
            return request
        }
    }

    /// Card requests, newest first: a client user sees its client's.
    public func cardRequests(status: CardRequest.Status? = nil, by actor: Actor) throws -> [CardRequest] {
        try read(actor, .viewRegistry) { db in
            var request = CardRequest.order(CardRequest.Columns.id.desc)
            if let status { request = request.filter(CardRequest.Columns.status == status.rawValue) }
            if actor.role == .clientUser { request = request.filter(CardRequest.Columns.clientId == actor.clientId) }
            return try request.fetchAll(db)
        }
    }

    /// Q5, C7: the client's administrator says which of its people may move equipment out and
    /// host visitors.
    public func setGrants(personId: Int64, _ grants: PersonGrants, by actor: Actor) throws -> Person {
        try perform(actor, .managePersonnel, action: "person.grants") { tx in
            let before = try Self.fetchPerson(personId, tx.db)
            try tx.requireOwnClient(before.clientId)
            try tx.requireClientAdmin()
            guard before.status == .active else {
                throw policy.refusal(C5.departed, zh: "\(before.name) 已离职", en: "\(before.name) has departed")
            }
            var person = before
            if let mayMove = grants.mayMove { person.mayMove = mayMove }
            if let mayHost = grants.mayHost { person.mayHost = mayHost }
            try person.update(tx.db)
            try tx.audit("person.grants", "person", key: String(person.id), before: before.masked, after: person.masked)
            return person
        }
    }

    private func filedCardRequest(_ id: Int64, deciding: Bool, _ tx: Transaction) throws -> CardRequest {
        guard let request = try CardRequest.fetchOne(tx.db, key: id) else {
            throw CoreError.notFound(entity: "card_request", key: String(id))
        }
        guard request.status == .filed else {
            throw policy.refusal(
                D1.status, zh: "办证申请已是 \(request.status.rawValue) 状态", en: "the card request is already \(request.status.rawValue)")
        }
        if deciding, request.filedBy == tx.actor.name {
            throw policy.refusal(R2.ownRequest, zh: "不能审批自己提交的申请", en: "no one decides their own request")
        }
        return request
    }
}

/// What the asker may do for one person of a client's roster now (C1, C5, Q5, C7), by the
/// checks the actions make: a page shows a button when an offer says so.
public struct RosterOffers: Sendable, Equatable {
    /// Ask the desk for a card: the client's administrator, an active person without a card in
    /// use and without a request waiting.
    public var requestCard = false
    /// Withdraw the person's card request still waiting (its id).
    public var withdrawRequest: Int64?
    /// Say whether the person may move equipment (Q5) and host visitors (C7).
    public var setGrants = false
    /// Report the person gone (C5): their cards are cancelled at once.
    public var depart = false
}

extension Registry {
    /// `cards` and `requests`: the client's, as the page already holds them; `isAdmin`: whether
    /// the asker is its client's administrator (`Accounts.isClientAdmin`).
    public func offers(
        _ person: Person, cards: [CardView], requests: [CardRequest], to actor: Actor, isAdmin: Bool
    ) -> RosterOffers {
        guard actor.may(.managePersonnel), actor.owns(person.clientId), person.status == .active else { return RosterOffers() }
        let admin = actor.role != .clientUser || isAdmin
        let now = clock.now()
        let holds = cards.contains { $0.card.personId == person.id && $0.card.occupiesSlot(at: now) }
        let waiting = requests.first { $0.personId == person.id && $0.status == .filed }
        return RosterOffers(
            requestCard: admin && !holds && waiting == nil, withdrawRequest: admin ? waiting?.id : nil, setGrants: admin,
            depart: true)
    }
}
