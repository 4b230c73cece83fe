import Foundation

extension GateExchange {
    /// What a newly received door event changes beyond its own row, in the upload's transaction:
    /// a pass holder's passage goes into the visitor log (R4), a guard's ID check at the door is
    /// recorded on the emergency pass (C6), and a used exit slip takes its effect (Q4, Q5).
    func applyGateEvent(_ event: GateEvent, in tx: Transaction) throws {
        guard event.result == .granted, let kind = event.kind, let id = event.credentialId else { return }
        // G3: a stopped credential let out. Data merely too old to judge by is the gate's state,
        // not the person's, and raises nothing here.
        if kind != .exitSlip, event.direction == .out, let reason = event.reason.flatMap(DenyReason.init(rawValue:)),
            reason.yieldsToLeaving, reason != .staleReplica
        {
            try raiseLetOutAlert(event, reason: reason, in: tx)
        }
        switch kind {
        case .temporaryPass, .emergencyPass:
            _ = try passes.recordVisit(
                passKind: kind, passId: Int64(id), direction: event.direction == .in ? .entry : .exit, at: event.at,
                gate: event.gate, in: tx)
            if kind == .emergencyPass, event.direction == .in, event.confirmed {
                try recordEmergencyIDSeenAtGate(passId: Int64(id), event: event, in: tx)
            }
        case .exitSlip:
            // Spent already when this grant arrives: another gate honoured it while the two could
            // not hear of each other. The slip stays spent; an operator checks what left.
            if event.confirmed, let slip = try ExitSlip.fetchOne(tx.db, key: Int64(id)), slip.status == .used {
                let kind = try RemovalRequest.fetchOne(tx.db, key: slip.requestId)?.kind ?? .decommission
                try raiseSlipUsedTwiceAlert(event, clause: kind.facet(.used, .used), in: tx)
            }
            try equipment.exitSlipUsedAtGate(slipId: Int64(id), event: event, in: tx)
        case .accessCard:
            break
        }
    }

    /// C6: the guard at `event.gate` confirmed the repair person's ID document. The first
    /// confirmation is kept; later entries on the same pass do not overwrite it.
    private func recordEmergencyIDSeenAtGate(passId: Int64, event: GateEvent, in tx: Transaction) throws {
        guard let before = try EmergencyPass.fetchOne(tx.db, key: passId), before.idConfirmedAt == nil else { return }
        var pass = before
        pass.idConfirmedBy = "\(tx.actor.name)@\(event.gate)"
        pass.idConfirmedAt = event.at
        pass.updatedAt = tx.now
        try pass.update(tx.db)
        try tx.audit("emergency.id_confirmed", "emergency_pass", key: pass.number, before: before.masked, after: pass.masked, clause: .C6)
    }
}
