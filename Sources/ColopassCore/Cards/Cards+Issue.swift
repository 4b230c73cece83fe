import Foundation
import GRDB

extension Cards {
    /// C1, C2, C3: issues a card to an active person of a client with a contract in force, with
    /// the photo, the ID copy and (for a company) the company letter on file, within the client's
    /// card limit. The card never outlives the contract.
    public func issueCard(personId: Int64, by actor: Actor) throws -> Card {
        try perform(actor, .issueCards, action: "card.issue") { tx in try issueCard(personId: personId, in: tx) }
    }

    /// The issue itself, in the caller's transaction (also a card request's approval).
    func issueCard(personId: Int64, in tx: Transaction) throws -> Card {
        do {
            let person = try Registry.fetchPerson(personId, tx.db)
            let client = try Registry.fetchClient(person.clientId, tx.db)
            let contract = try checkCardHolder(person, client, in: tx)
            try checkCardLimit(client, in: tx)
            if let held = try Card.filter(Card.Columns.personId == person.id).fetchAll(tx.db)
                .first(where: { $0.occupiesSlot(at: tx.now) })
            {
                throw policy.refusal(
                    C3.oneCard, zh: "\(person.name) 已持有出入证 \(held.number)，一人一证",
                    en: "\(person.name) already holds card \(held.number): one card per person")
            }
            let id = try Store.nextID(of: Card.databaseTableName, in: tx.db)
            let (from, until) = cardValidity(contract, now: tx.now)
            let signed = try credentials.sign({ key in
                Credential(
                    kind: .accessCard, keyId: key, credentialId: UInt32(id), generation: 1, site: policy.site.code,
                    validFrom: from, validUntil: until)
            }, in: tx)
            let card = Card(
                id: id, number: CardNumber.make(site: policy.site.code, sequence: id), clientId: client.id,
                contractId: contract.id, personId: person.id, generation: 1, status: .active, validFrom: from,
                validUntil: until, keyId: Int64(signed.credential.keyId), credential: signed.text, issuedAt: tx.now,
                issuedBy: tx.actor.name, lostAt: nil, lossLetter: nil, cancelledAt: nil, cancelReason: nil,
                returnedAt: nil)
            try card.insert(tx.db)
            try tx.audit("card.issue", "card", key: card.number, after: card, clause: .C1)
            return card
        }
    }

    /// C1, C2, C5: the holder is active, their client has a contract in force, and the documents
    /// C1 asks for are on file. Returns the contract the card hangs on.
    func checkCardHolder(_ person: Person, _ client: Client, in tx: Transaction) throws -> Contract {
        guard person.status == .active else {
            throw policy.refusal(
                C5.departed, zh: "\(person.name) 已离职，不能办理出入证", en: "\(person.name) has departed; no card")
        }
        guard let contract = try Registry.contractInForce(clientId: client.id, on: tx.today, tx.db) else {
            throw policy.refusal(
                C2.contract, zh: "\(client.name) 没有生效的托管合同，出入证只发给托管客户",
                en: "\(client.name) has no hosting contract in force; cards are for hosting clients only")
        }
        guard person.photo != nil else {
            throw policy.refusal(C1.photo, zh: "缺少持证人照片", en: "the holder's photo is not on file")
        }
        guard person.idCopy != nil else {
            throw policy.refusal(C1.idCopy, zh: "缺少持证人身份证复印件", en: "the holder's ID copy is not on file")
        }
        if client.kind == .company, person.letter == nil {
            throw policy.refusal(
                C1.letter, zh: "缺少单位介绍信", en: "the company's letter of introduction is not on file")
        }
        return contract
    }

    /// C1: at most N cards per company client and M per individual client occupy slots at once.
    func checkCardLimit(_ client: Client, in tx: Transaction) throws {
        let limit = client.cardLimit(policy)
        let held = try Card.filter(Card.Columns.clientId == client.id && Card.Columns.status == Card.Status.active.rawValue)
            .fetchAll(tx.db).filter { $0.occupiesSlot(at: tx.now) }.count
        guard held < limit else {
            let kind = client.kind == .company ? Bilingual(zh: "托管客户", en: "company client")
                : Bilingual(zh: "个人客户", en: "individual client")
            throw policy.refusal(
                C1.limit, zh: "\(kind.zh)最多 \(limit) 张出入证，\(client.name) 已有 \(held) 张",
                en: "a \(kind.en) may hold at most \(limit) card(s); \(client.name) holds \(held)")
        }
    }

    /// From now until the earlier of the contract's last day and the policy's longest validity.
    func cardValidity(_ contract: Contract, now: Date) -> (from: Date, until: Date) {
        let contractEnd = contract.endsOn.end(in: policy.site.timeZone)
        let longest = now.addingTimeInterval(TimeInterval(policy.parameters.cardMaxValidityDays) * 86_400)
        return (now, min(contractEnd, longest))
    }
}
