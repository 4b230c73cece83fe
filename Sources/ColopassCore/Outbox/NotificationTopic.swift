/// What a notification is about. A subscription names the topics it wants; the wire and the
/// database spell them as `request.filed`.
public enum NotificationTopic: String, Codable, Sendable, CaseIterable {
    /// A temporary-entry, removal or card request was filed: customer service's to do.
    case requestFiled = "request.filed"
    case requestApproved = "request.approved"
    /// Refused, with the reason the client reads.
    case requestRefused = "request.refused"
    /// The client withdrew a request before a decision.
    case requestWithdrawn = "request.withdrawn"
    case cardIssued = "card.issued"
    /// Cancelled (departure, contract end, the desk) or reported lost.
    case cardCancelled = "card.cancelled"
    /// Its validity ends within the policy's notice period.
    case cardExpiring = "card.expiring"
    case exitSlipIssued = "exit_slip.issued"
    /// A photo, ID copy or letter the client sent was refused by the desk.
    case documentRefused = "document.refused"
    /// The desk answered the client's request, complaint or fault report (K1, K2).
    case ticketReplied = "ticket.replied"
    /// The client's matter is settled (K1).
    case ticketResolved = "ticket.resolved"
    /// A fault's analysis report reached the client (K3).
    case faultAnalysisDelivered = "fault_analysis.delivered"
    /// A major fault was reported: its account manager and the duty supervisor are told at once
    /// (K3). The site's own, never a client's.
    case faultReported = "fault.reported"
    /// A complaint's or a contact form's deadline passed and went up to the supervisors (K2, K4).
    /// The site's own, never a client's.
    case ticketEscalated = "ticket.escalated"

    public var title: Bilingual {
        switch self {
        case .requestFiled: Bilingual(zh: "新申请", en: "request filed")
        case .requestApproved: Bilingual(zh: "申请已批准", en: "request approved")
        case .requestRefused: Bilingual(zh: "申请被驳回", en: "request refused")
        case .requestWithdrawn: Bilingual(zh: "申请已撤回", en: "request withdrawn")
        case .cardIssued: Bilingual(zh: "出入证已办理", en: "card issued")
        case .cardCancelled: Bilingual(zh: "出入证已注销", en: "card cancelled")
        case .cardExpiring: Bilingual(zh: "出入证即将到期", en: "card expiring")
        case .exitSlipIssued: Bilingual(zh: "出门条已开具", en: "exit slip issued")
        case .documentRefused: Bilingual(zh: "文件被退回", en: "document refused")
        case .ticketReplied: Bilingual(zh: "工单已答复", en: "ticket answered")
        case .ticketResolved: Bilingual(zh: "工单已解决", en: "ticket resolved")
        case .faultAnalysisDelivered: Bilingual(zh: "故障分析报告已送达", en: "fault analysis report delivered")
        case .faultReported: Bilingual(zh: "重大故障报告", en: "major fault reported")
        case .ticketEscalated: Bilingual(zh: "工单逾期已升级", en: "ticket escalated")
        }
    }

    /// Staff business (who is told of a fault, what went up to the supervisors): only the site's
    /// own subscriptions receive it, and a client cannot subscribe to it.
    public var isSiteOnly: Bool {
        switch self {
        case .faultReported, .ticketEscalated: true
        default: false
        }
    }
}
