extension Core {
    /// What a newly received door event changes beyond its own row, in the upload's transaction.
    func applyGateEvent(_ event: GateEvent, in tx: Transaction) throws {}
}
