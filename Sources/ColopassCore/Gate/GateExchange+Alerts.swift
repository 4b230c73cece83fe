import Foundation
import GRDB

/// Something a door did that an operator must look at: a holder let out on a credential that no
/// longer stands (G3), or one single-use exit slip honoured twice by gates that were cut off from
/// each other (Q4, Q5). Raised from the uploaded events, once per event, and audited.
public struct GateAlert: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// G3: let out on a lost, cancelled, expired or contract-ended credential.
        case letOut = "let_out"
        /// Q4/Q5: a slip the service had already seen spent was honoured again.
        case slipUsedTwice = "slip_used_twice"
    }

    public var id: Int64
    public var raisedAt: Date
    public var kind: Kind
    /// The clause the door cited (`C4.lost` for a lost card let out; `Q4.used` for a slip).
    public var clause: String
    public var gate: String
    public var eventId: String
    public var credentialKind: CredentialKind?
    public var credentialId: Int64?
    public var holderName: String?
    public var message: Bilingual
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
}

extension GateExchange {
    /// Alerts not yet acknowledged first, newest first.
    public func gateAlerts(includeAcknowledged: Bool = false, limit: Int = 200, by actor: Actor) throws -> [GateAlert] {
        try read(actor, .viewOccupancy) { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM gate_alert \(includeAcknowledged ? "" : "WHERE acknowledged_at IS NULL")
                    ORDER BY acknowledged_at IS NOT NULL, raised_at DESC, id DESC LIMIT ?
                    """, arguments: [limit]
            ).map(Self.alert)
        }
    }

    /// G3: the door let a person out on a credential it would have refused at the way in.
    func raiseLetOutAlert(_ event: GateEvent, reason: DenyReason, in tx: Transaction) throws {
        try raise(
            .letOut, clause: reason.clause.code, event,
            zh: "\(event.gate) 放行出门，但证件已失效（\(reason.message.zh)）：请核实此人", en: "let out at \(event.gate) on a credential that is \(reason.message.en): check who this was",
            audit: Clause(G3.letOut), tx)
    }

    /// Q4, Q5: the slip was already spent when another gate's grant of it arrived.
    func raiseSlipUsedTwiceAlert(_ event: GateEvent, clause: Clause, in tx: Transaction) throws {
        try raise(
            .slipUsedTwice, clause: clause.code, event,
            zh: "出门条在两个门禁各放行一次（\(event.gate) 为第二次）：请核对搬出的设备",
            en: "the exit slip was honoured at two gates (\(event.gate) the second time): check what left", audit: clause, tx)
    }

    private func raise(
        _ kind: GateAlert.Kind, clause: String, _ event: GateEvent, zh: String, en: String, audit: Clause,
        _ tx: Transaction
    ) throws {
        try tx.db.execute(
            sql: """
                INSERT OR IGNORE INTO gate_alert (raised_at, kind, clause, gate, event_id, credential_kind, credential_id,
                    holder_name, zh, en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                tx.now, kind.rawValue, clause, event.gate, event.id, event.kind?.rawValue, event.credentialId,
                event.holderName, zh, en,
            ])
        guard tx.db.changesCount > 0 else { return }
        try tx.audit("gate.alert", "gate_alert", key: String(tx.db.lastInsertedRowID), after: event, clause: audit)
    }

    static func alert(_ row: Row) -> GateAlert {
        GateAlert(
            id: row["id"], raisedAt: row["raised_at"], kind: GateAlert.Kind(rawValue: row["kind"]) ?? .letOut,
            clause: row["clause"], gate: row["gate"], eventId: row["event_id"],
            credentialKind: (row["credential_kind"] as Int64?).flatMap { CredentialKind(rawValue: UInt8($0)) },
            credentialId: row["credential_id"], holderName: row["holder_name"],
            message: Bilingual(zh: row["zh"], en: row["en"]), acknowledgedAt: row["acknowledged_at"],
            acknowledgedBy: row["acknowledged_by"])
    }
}
