extension Core {
    /// C9: a terminated contract revokes its client's open temporary and emergency passes and
    /// closes their pending requests, in the termination's transaction.
    func contractEndedForPasses(_ contract: Contract, in tx: Transaction) throws {}
}
