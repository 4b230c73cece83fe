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
        }
    }
}
