import Foundation
import GRDB

/// A client's matter as the service desk holds it: who raised it, through which channel, who owns
/// it (K1), its clocks (K2 complaint reply and resolution, K4 work contact form) and, for a fault,
/// the first record of time, place, symptom and handling plan (K3).
public struct Ticket: Record, Identifiable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case request, complaint, fault

        public var title: Bilingual {
            switch self {
            case .request: Bilingual(zh: "请求", en: "request")
            case .complaint: Bilingual(zh: "投诉", en: "complaint")
            case .fault: Bilingual(zh: "故障", en: "fault")
            }
        }
    }

    public enum Channel: String, Codable, Sendable, CaseIterable {
        case phone
        case walkIn = "walk_in"
        case portal
        case email

        public var title: Bilingual {
            switch self {
            case .phone: Bilingual(zh: "电话", en: "phone")
            case .walkIn: Bilingual(zh: "来访", en: "walk-in")
            case .portal: Bilingual(zh: "客户门户", en: "portal")
            case .email: Bilingual(zh: "电子邮件", en: "e-mail")
            }
        }
    }

    public enum State: String, Codable, Sendable, CaseIterable {
        /// Received, not yet answered.
        case open
        /// Answered (a complaint: with a proposed solution), not yet resolved.
        case answered
        case resolved

        public var title: Bilingual {
            switch self {
            case .open: Bilingual(zh: "待答复", en: "open")
            case .answered: Bilingual(zh: "已答复", en: "answered")
            case .resolved: Bilingual(zh: "已解决", en: "resolved")
            }
        }
    }

    public var id: Int64
    public var clientId: Int64
    public var kind: Kind
    public var channel: Channel
    public var subject: String
    public var state: State
    public var openedAt: Date
    public var openedBy: String
    /// The account that owns the matter (K1); nil for a portal ticket of a client without an
    /// account manager, until the first colleague who acts on it takes it.
    public var owner: String?
    /// Opened on a holiday of the policy and routed to the duty roster (K8).
    public var holiday: Bool
    /// K2: a complaint's reply and resolution deadlines; nil for other kinds.
    public var replyDue: Date?
    public var resolveDue: Date?
    public var answeredAt: Date?
    public var resolvedAt: Date?
    /// K1: closed at the first contact, by the one who received it.
    public var closedAtOnce: Bool
    /// K3: when and where the fault happened, what was seen, what is being done.
    public var faultAt: Date?
    public var faultPlace: String?
    public var faultSymptom: String?
    public var faultPlan: String?
    /// K4: staff acted before the work contact form existed; the form is owed by `contactFormDue`.
    public var contactFormDue: Date?
    public var contactFormAt: Date?
    public var contactFormReference: String?
    /// When each deadline escalated to the supervisors: set once, by the clock (K2, K4).
    public var replyEscalatedAt: Date?
    public var resolveEscalatedAt: Date?
    public var contactFormEscalatedAt: Date?
    /// The earliest deadline still unmet (the overdue list's key), and the earliest not yet
    /// escalated (the clock's key): both kept by `refreshDeadlines()` with every change.
    public var nextDueAt: Date?
    public var nextEscalationAt: Date?
    public var updatedAt: Date

    public static let databaseTableName = "ticket"

    /// A deadline of a ticket and whether it is still to be met.
    public enum Deadline: String, Codable, Sendable, CaseIterable {
        case reply
        case resolve
        case contactForm = "contact_form"

        public var clause: Clause {
            switch self {
            case .reply: Clause(K2.reply)
            case .resolve: Clause(K2.resolve)
            case .contactForm: Clause(K4.overdue)
            }
        }

        public var title: Bilingual {
            switch self {
            case .reply: Bilingual(zh: "答复逾期", en: "reply overdue")
            case .resolve: Bilingual(zh: "解决逾期", en: "resolution overdue")
            case .contactForm: Bilingual(zh: "联络单逾期", en: "contact form overdue")
            }
        }
    }

    /// The deadlines not yet met, with their time.
    public var pendingDeadlines: [(Deadline, Date)] {
        var pending: [(Deadline, Date)] = []
        if let replyDue, answeredAt == nil, state != .resolved { pending.append((.reply, replyDue)) }
        if let resolveDue, resolvedAt == nil { pending.append((.resolve, resolveDue)) }
        if let contactFormDue, contactFormAt == nil { pending.append((.contactForm, contactFormDue)) }
        return pending
    }

    public func escalatedAt(_ deadline: Deadline) -> Date? {
        switch deadline {
        case .reply: replyEscalatedAt
        case .resolve: resolveEscalatedAt
        case .contactForm: contactFormEscalatedAt
        }
    }

    /// The deadlines passed at `now` and still unmet.
    public func overdue(at now: Date) -> [Deadline] {
        pendingDeadlines.filter { $0.1 < now }.map(\.0)
    }

    mutating func refreshDeadlines() {
        let pending = pendingDeadlines
        nextDueAt = pending.map(\.1).min()
        nextEscalationAt = pending.filter { escalatedAt($0.0) == nil }.map(\.1).min()
    }
}

extension Ticket {
    public enum Columns {
        public static let id = Column("id")
        public static let clientId = Column("client_id")
        public static let owner = Column("owner")
        public static let state = Column("state")
        public static let openedAt = Column("opened_at")
        public static let nextDueAt = Column("next_due_at")
        public static let nextEscalationAt = Column("next_escalation_at")
    }
}
