extension Registry {
    /// C9: what ends with a contract, in the caller's transaction: its cards, its passes and its
    /// equipment's open work. Returns the cards cancelled and those still in holders' hands.
    func contractEnded(_ contract: Contract, in tx: Transaction) throws -> (cancelled: [String], toCollect: [String]) {
        let cards = try cards.contractEnded(contract, in: tx)
        try passes.contractEnded(contract, in: tx)
        try equipment.contractEnded(contract, in: tx)
        return cards
    }

    /// C5: what ends when a person leaves the client. Returns the cards cancelled.
    func personDeparted(_ person: Person, in tx: Transaction) throws -> [String] {
        try cards.holderDeparted(person, in: tx)
    }
}
