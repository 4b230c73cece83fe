import Foundation
import GRDB

/// One thing that happened to a ticket, in order: what the client said, each reply, hand-over,
/// escalation and resolution. The ticket's history is its events; nothing is overwritten.
public struct TicketEvent: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case opened
        /// The client's own words, as received (K1).
        case logged
        case replied
        case transferred
        case escalated
        case resolved
        case reopened
        /// K3: the account manager and the duty supervisor were told.
        case notified
        /// K8: opened on a holiday, given to the staff on duty.
        case routed
        case contactForm = "contact_form"
        case analysisWritten = "analysis_written"
        case analysisDelivered = "analysis_delivered"

        public var title: Bilingual {
            switch self {
            case .opened: Bilingual(zh: "受理", en: "opened")
            case .logged: Bilingual(zh: "客户陈述", en: "client said")
            case .replied: Bilingual(zh: "答复", en: "replied")
            case .transferred: Bilingual(zh: "移交", en: "handed over")
            case .escalated: Bilingual(zh: "升级", en: "escalated")
            case .resolved: Bilingual(zh: "解决", en: "resolved")
            case .reopened: Bilingual(zh: "重新打开", en: "reopened")
            case .notified: Bilingual(zh: "通知", en: "told")
            case .routed: Bilingual(zh: "值班分派", en: "routed to duty")
            case .contactForm: Bilingual(zh: "联络单", en: "contact form")
            case .analysisWritten: Bilingual(zh: "分析报告", en: "analysis written")
            case .analysisDelivered: Bilingual(zh: "报告送交", en: "analysis delivered")
            }
        }
    }

    public var id: Int64
    public var ticketId: Int64
    public var at: Date
    public var kind: Kind
    public var actor: String
    public var text: String
    /// A hand-over's new owner, a notification's recipients.
    public var target: String?

    public static let databaseTableName = "ticket_event"
}

/// A fault's analysis report (K3): written after the fault ends, then delivered to the client.
public struct FaultAnalysis: Record, Equatable {
    public var ticketId: Int64
    public var impact: String
    public var handling: String
    public var cause: String
    public var corrective: String
    public var preventive: String
    public var writtenBy: String
    public var writtenAt: Date
    public var deliveredAt: Date?
    public var deliveredBy: String?
    /// Who at the client received it.
    public var deliveredTo: String?

    public static let databaseTableName = "fault_analysis"
}
