import Foundation
import GRDB

/// What an operator may do with a gate alert.
public struct GateAlertOffers: Sendable, Equatable {
    public var acknowledge: Bool
}

extension GateExchange {
    /// An operator has looked into an alert (who was let out, what left on a slip used twice):
    /// who and when are kept on the alert, and the audit record names the alert's own clause
    /// (G3 for a let-out, Q4 or Q5 for a slip). An alert is acknowledged once; a second attempt
    /// is refused under the same clause and says who did it first.
    public func acknowledgeGateAlert(_ id: Int64, by actor: Actor) throws -> GateAlert {
        try perform(actor, .acknowledgeGateAlerts, action: "gate.alert.acknowledge") { tx in
            guard let row = try Row.fetchOne(tx.db, sql: "SELECT * FROM gate_alert WHERE id = ?", arguments: [id]) else {
                throw CoreError.notFound(entity: "gate alert", key: String(id))
            }
            let before = Self.alert(row)
            let clause = Self.auditClause(of: before)
            if let at = before.acknowledgedAt, let by = before.acknowledgedBy {
                let when = SiteTime.format(at, in: policy.site.timeZone)
                throw policy.refusal(
                    clause, zh: "此警报已由 \(by) 于 \(when) 确认", en: "this alert was already acknowledged by \(by) at \(when)")
            }
            var after = before
            after.acknowledgedAt = tx.now
            after.acknowledgedBy = tx.actor.name
            try tx.db.execute(
                sql: "UPDATE gate_alert SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?",
                arguments: [tx.now, tx.actor.name, id])
            try tx.audit("gate.alert.acknowledge", "gate_alert", key: String(id), before: before, after: after, clause: clause)
            return after
        }
    }

    /// The buttons an alert's row shows to `actor`.
    public func offers(_ alert: GateAlert, to actor: Actor) -> GateAlertOffers {
        GateAlertOffers(acknowledge: alert.acknowledgedAt == nil && actor.may(.acknowledgeGateAlerts))
    }

    /// The clause an alert is handled under: G3 for a holder let out (the door cited the reason
    /// the credential stopped, C4 or C9, on the event), the slip's own facet for a slip used twice.
    static func auditClause(of alert: GateAlert) -> Clause {
        switch alert.kind {
        case .letOut: Clause(G3.letOut)
        case .slipUsedTwice: Clause(code: alert.clause) ?? Clause(Q4.used)
        }
    }
}
