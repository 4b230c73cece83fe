import Foundation
import GRDB

extension GateExchange {
    /// Stores the gate's events exactly once each: an event id seen before is skipped, so a gate
    /// may upload the same queue again after a lost answer without counting anything twice.
    public func recordGateEvents(_ events: [GateEvent], by actor: Actor) throws -> GateUpload {
        for event in events {
            guard !event.id.isEmpty, event.id.count <= 64, !event.gate.isEmpty else {
                throw CoreError.invalid("events.id", zh: "事件编号或门禁名称无效", en: "bad event id or gate name")
            }
        }
        return try perform(actor, .operateGate, action: "gate.upload") { tx in
            var upload = GateUpload(accepted: 0, duplicates: 0)
            for event in events {
                try tx.db.execute(
                    sql: GateEventRow.insert(into: "gate_event", extra: ["received_at", "received_from"], orIgnore: true),
                    arguments: GateEventRow.arguments(event) + [tx.now, tx.actor.name])
                guard tx.db.changesCount > 0 else {
                    upload.duplicates += 1
                    continue
                }
                upload.accepted += 1
                try tx.audit("gate.event", "gate_event", key: event.id, after: event, clause: event.clause.flatMap(Clause.init(code:)))
                try applyGateEvent(event, in: tx)
            }
            return upload
        }
    }

    public func gateEvents(since: Date? = nil, limit: Int = 1000, by actor: Actor) throws -> [GateEvent] {
        try read(actor, .viewAudit) { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM gate_event WHERE at >= ? ORDER BY at LIMIT ?",
                arguments: [since ?? Date(timeIntervalSince1970: 0), limit]
            ).map(GateEventRow.event)
        }
    }
}
