extension Core {
    /// C9: a terminated contract cancels its pending work orders and open removal requests and
    /// voids unused exit slips, in the termination's transaction.
    func contractEndedForEquipment(_ contract: Contract, in tx: Transaction) throws {}
}
