import GRDB

extension Core {
    /// C9: what ends with a contract. Returns the cards cancelled and those still to be collected.
    func contractEnded(_ contract: Contract, in tx: Transaction) throws -> (cancelled: [String], toCollect: [String]) {
        ([], [])
    }

    /// C5: what ends when a person leaves the client. Returns the cards cancelled.
    func personDeparted(_ person: Person, in tx: Transaction) throws -> [String] {
        []
    }
}
