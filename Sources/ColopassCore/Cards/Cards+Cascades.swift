import GRDB

extension Cards {
    /// C9: a contract's end cancels its cards. Returns the cards cancelled and those still in
    /// holders' hands, to be collected.
    func contractEnded(_ contract: Contract, in tx: Transaction) throws -> (cancelled: [String], toCollect: [String]) {
        let cards = try Card.filter(
            Card.Columns.contractId == contract.id
                && [Card.Status.active.rawValue, Card.Status.lost.rawValue].contains(Card.Columns.status)
        ).fetchAll(tx.db)
        let cancelled = try cards.map { try cancelInCascade($0, reason: "contract \(contract.number) terminated", clause: .C9, tx) }
        let toCollect = try Card.filter(Card.Columns.contractId == contract.id).fetchAll(tx.db)
            .filter(\.awaitsReturn).map(\.number)
        return (cancelled, toCollect)
    }

    /// C5: a holder's departure cancels their cards. Returns the cards cancelled.
    func holderDeparted(_ person: Person, in tx: Transaction) throws -> [String] {
        let cards = try Card.filter(
            Card.Columns.personId == person.id
                && [Card.Status.active.rawValue, Card.Status.lost.rawValue].contains(Card.Columns.status)
        ).fetchAll(tx.db)
        return try cards.map { try cancelInCascade($0, reason: "holder departed", clause: .C5, tx) }
    }

    private func cancelInCascade(_ before: Card, reason: String, clause: ClauseID, _ tx: Transaction) throws -> String {
        var card = before
        Self.cancel(&card, reason: reason, clause: clause, at: tx.now)
        try card.update(tx.db)
        try tx.audit("card.cancel", "card", key: card.number, before: before, after: card, clause: clause)
        return card.number
    }
}
