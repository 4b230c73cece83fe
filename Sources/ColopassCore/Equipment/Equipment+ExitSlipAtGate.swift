extension Equipment {
    /// Q4, Q5: an exit slip the gate honoured takes its effect on the service, as `useExitSlip`
    /// would have: the slip is spent and the items leave (decommission) or go out for repair.
    ///
    /// Only a grant the guard confirmed (items and movers checked by eye) counts as an exit. A slip
    /// the service already spent or voided is not applied twice: the gate decided on older data
    /// (offline, or two gates), so the conflict is written to the audit log for an operator.
    func exitSlipUsedAtGate(slipId: Int64, event: GateEvent, in tx: Transaction) throws {
        guard event.confirmed, let slip = try ExitSlip.fetchOne(tx.db, key: slipId) else { return }
        let request = try RemovalRequest.fetchOne(tx.db, key: slip.requestId)
        guard slip.status == .valid, let request, request.status == .approved else {
            try tx.audit(
                "exitslip.gate_conflict", "exit_slip", key: slip.number, after: event, clause: Q4.used)
            return
        }
        try carryOut(request, tx)
        _ = try markUsed(slip, at: event.at, by: "\(tx.actor.name)@\(event.gate)", tx)
    }
}
