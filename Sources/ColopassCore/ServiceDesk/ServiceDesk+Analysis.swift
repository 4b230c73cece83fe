import Foundation
import GRDB

extension ServiceDesk {
    /// K3: after a fault ends, its analysis report: impact, handling, cause, corrective and
    /// preventive actions. It may be rewritten until it is delivered.
    public func writeAnalysis(_ id: Int64, _ input: NewFaultAnalysis, by actor: Actor) throws -> TicketView {
        try perform(actor, .handleTicket, action: "ticket.analysis") { tx in
            let ticket = try Self.fetchTicket(id, tx.db)
            guard ticket.kind == .fault else {
                throw policy.refusal(K3.notFault, zh: "工单 #\(id) 不是故障", en: "ticket #\(id) is not a fault")
            }
            let parts = [
                ("impact", input.impact), ("handling", input.handling), ("cause", input.cause),
                ("corrective", input.corrective), ("preventive", input.preventive),
            ]
            let missing = parts.filter { $0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0)
            guard missing.isEmpty else {
                let list = missing.joined(separator: ", ")
                throw policy.refusal(K3.analysis, zh: "分析报告缺少：\(list)", en: "the analysis report lacks: \(list)")
            }
            let before = try FaultAnalysis.fetchOne(tx.db, where: "ticket_id", is: id)
            guard before?.deliveredAt == nil else {
                throw policy.refusal(
                    K3.delivery, zh: "分析报告已于送交客户后不能修改", en: "the analysis report was delivered and is final")
            }
            let analysis = FaultAnalysis(
                ticketId: id, impact: try Validate.name(input.impact, field: "impact", max: 4000),
                handling: try Validate.name(input.handling, field: "handling", max: 4000),
                cause: try Validate.name(input.cause, field: "cause", max: 4000),
                corrective: try Validate.name(input.corrective, field: "corrective", max: 4000),
                preventive: try Validate.name(input.preventive, field: "preventive", max: 4000),
                writtenBy: tx.actor.name, writtenAt: tx.now, deliveredAt: nil, deliveredBy: nil, deliveredTo: nil)
            try analysis.save(tx.db)
            try appendEvent(.analysisWritten, ticket, text: analysis.cause, tx)
            try tx.audit("fault_analysis.write", "fault_analysis", key: String(id), before: before, after: analysis, clause: K3.analysis)
            return try view(ticket, tx.db, at: tx.now)
        }
    }

    /// K3: the written report reaches the client (named: who received it).
    public func deliverAnalysis(_ id: Int64, to recipient: String, by actor: Actor) throws -> TicketView {
        let recipient = try Validate.name(recipient, field: "to", max: 200)
        return try perform(actor, .handleTicket, action: "ticket.analysis_deliver") { tx in
            let ticket = try Self.fetchTicket(id, tx.db)
            guard let before = try FaultAnalysis.fetchOne(tx.db, where: "ticket_id", is: id), before.deliveredAt == nil else {
                throw policy.refusal(
                    K3.delivery, zh: "工单 #\(id) 没有待送交的分析报告", en: "ticket #\(id) has no analysis report to deliver")
            }
            var analysis = before
            analysis.deliveredAt = tx.now
            analysis.deliveredBy = tx.actor.name
            analysis.deliveredTo = recipient
            try analysis.update(tx.db)
            try appendEvent(.analysisDelivered, ticket, text: recipient, target: recipient, tx)
            try tx.audit(
                "fault_analysis.deliver", "fault_analysis", key: String(id), before: before, after: analysis, clause: K3.delivery)
            return try view(ticket, tx.db, at: tx.now)
        }
    }
}
