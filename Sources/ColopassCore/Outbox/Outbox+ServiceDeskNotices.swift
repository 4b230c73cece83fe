import Foundation
import GRDB

/// What the service desk tells: the client hears back when its matter is answered, settled, or
/// its fault's analysis report delivered; the staff named by K3 and the supervisors of K2/K4 are
/// told through the site's own subscriptions (a desk mailbox, the operator's ticket system), with
/// the people meant named in the message.
extension Outbox {
    static func serviceDeskNotice(for action: String, key: String, after: Any?, in tx: Transaction) throws -> Notice? {
        switch (action, after) {
        case ("ticket.reply", let ticket as Ticket):
            return try ticketNotice(.ticketReplied, ticket, said: .replied, tx)
        case ("ticket.resolve", let ticket as Ticket):
            return try ticketNotice(.ticketResolved, ticket, said: .resolved, tx)
        case ("fault_analysis.deliver", let analysis as FaultAnalysis):
            let ticket = try ServiceDesk.fetchTicket(analysis.ticketId, tx.db)
            return Notice(
                topic: .faultAnalysisDelivered, clientId: ticket.clientId,
                subject: Bilingual(
                    zh: "故障分析报告已送达：工单 #\(ticket.id) \(ticket.subject)",
                    en: "fault analysis report delivered: ticket #\(ticket.id) \(ticket.subject)"),
                data: ticket.noticeData(tx).merging(["delivered_to": analysis.deliveredTo ?? ""]) { $1 })
        case ("ticket.notify", let recipients as [String]):
            guard let id = Int64(key) else { return nil }
            let ticket = try ServiceDesk.fetchTicket(id, tx.db)
            let people = recipients.joined(separator: ", ")
            return Notice(
                topic: .faultReported, clientId: ticket.clientId,
                subject: Bilingual(
                    zh: "重大故障 #\(ticket.id)：\(ticket.subject)（致 \(people)）",
                    en: "major fault #\(ticket.id): \(ticket.subject) (to \(people))"),
                data: ticket.noticeData(tx).merging([
                    "to": recipients.joined(separator: ","), "place": ticket.faultPlace ?? "",
                    "symptom": ticket.faultSymptom ?? "", "plan": ticket.faultPlan ?? "",
                    "fault_at": ticket.faultAt.map { SiteTime.format($0, in: tx.policy.site.timeZone) } ?? "",
                ]) { $1 },
                dedupeKey: "fault.reported:\(ticket.id)")
        case ("ticket.escalate", let ticket as Ticket):
            // One escalation run audits each deadline that passed; they share one message.
            let passed = Ticket.Deadline.allCases.filter { ticket.escalatedAt($0) == tx.now }
            guard !passed.isEmpty else { return nil }
            let supervisors = try ServiceDesk.dutySupervisors(on: tx.today, tx.db)
            let what = Bilingual(
                zh: passed.map(\.title.zh).joined(separator: "、"), en: passed.map(\.title.en).joined(separator: ", "))
            return Notice(
                topic: .ticketEscalated, clientId: ticket.clientId,
                subject: Bilingual(
                    zh: "工单 #\(ticket.id) 逾期升级：\(what.zh)", en: "ticket #\(ticket.id) escalated: \(what.en)"),
                data: ticket.noticeData(tx).merging([
                    "to": supervisors.joined(separator: ","), "owner": ticket.owner ?? "",
                    "deadlines": passed.map(\.rawValue).joined(separator: ","),
                    "clauses": passed.map(\.clause.description).joined(separator: ","),
                ]) { $1 },
                dedupeKey: "ticket.escalated:\(ticket.id):\(passed.map(\.rawValue).joined(separator: ","))")
        default:
            return nil
        }
    }

    private static func ticketNotice(
        _ topic: NotificationTopic, _ ticket: Ticket, said kind: TicketEvent.Kind, _ tx: Transaction
    ) throws -> Notice {
        let words = try String.fetchOne(
            tx.db, sql: "SELECT text FROM ticket_event WHERE ticket_id = ? AND kind = ? ORDER BY id DESC LIMIT 1",
            arguments: [ticket.id, kind.rawValue])
        return Notice(
            topic: topic, clientId: ticket.clientId,
            subject: Bilingual(
                zh: "工单 #\(ticket.id) \(topic.title.zh)：\(ticket.subject)",
                en: "ticket #\(ticket.id) \(topic.title.en): \(ticket.subject)"),
            data: ticket.noticeData(tx).merging(["text": words ?? ""]) { $1 })
    }
}

extension Ticket {
    fileprivate func noticeData(_ tx: Transaction) -> [String: String] {
        ["ticket": String(id), "kind": kind.rawValue, "subject": subject, "state": state.rawValue]
    }
}
