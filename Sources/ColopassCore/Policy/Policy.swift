import Foundation

/// The site's rules as loaded from `policies/site.yaml`: who the site is, every number the rules
/// name, and the zh/en text of every clause.
public struct Policy: Sendable {
    public var site: Site
    public var parameters: Parameters
    public var clauses: [ClauseID: ClauseText]
    /// The service desk's clocks, follow-up schedule and holidays (K2–K8).
    public var serviceDesk: ServiceDeskRules
    /// SHA-256 of the file's bytes, recorded so an audit can tell which rules were in force.
    public var fingerprint: String

    public struct Site: Sendable, Codable {
        public var code: String
        public var name: Bilingual
        public var timeZone: TimeZone
    }

    /// A clause's own words, and the words of each facet the code refuses with.
    public struct ClauseText: Sendable, Codable {
        public var id: ClauseID
        public var title: Bilingual
        public var text: Bilingual
        public var facets: [String: Bilingual]
    }

    public enum StaleReplicaMode: String, Sendable, Codable, CaseIterable {
        case failSecure = "fail_secure"
        case warn
    }

    public enum AntiPassback: String, Sendable, Codable, CaseIterable {
        case off, warn, deny
    }

    public struct Parameters: Sendable, Codable {
        public var cardsPerCompanyClient: Int
        public var cardsPerIndividualClient: Int
        public var cardMaxValidityDays: Int
        public var workOrderLeadHours: Int
        public var ipsPerServer: Int
        public var portsPerServer: Int
        public var visitorLogRetentionDays: Int
        public var temporaryEntryMinNoticeHours: Int
        public var temporaryEntryMaxWindowHours: Int
        public var emergencyEntryMaxWindowHours: Int
        public var escortRequired: Bool
        public var gateReplicaMaxAgeMinutes: Int
        public var gateReplicaWarnPercent: Int
        public var staleReplicaMode: StaleReplicaMode
        public var antiPassback: AntiPassback
        public var passwordMinLength: Int
        public var signinMaxFailures: Int
        /// R1: failures for one account from every address together before it is locked; higher
        /// than `signinMaxFailures` (which counts one account from one address), so one person's
        /// typos lock only their own pair while guessing spread over addresses still stops.
        public var signinMaxFailuresPerAccount: Int
        public var signinLockoutMinutes: Int
        public var uploadMaxBytes: Int
        /// R4: the audit chain's head is signed and kept outside the database at least this often.
        public var auditCheckpointMinutes: Int = 60
        /// Notifications: a card's holder's administrator hears of its end this many days before.
        public var cardExpiryNoticeDays: Int = 30
        /// The first retry of a failed delivery after this many seconds, then twice as long each time.
        public var notificationRetrySeconds: Int = 30
        /// Attempts before a delivery is given up (and shown as failed).
        public var notificationMaxAttempts: Int = 10
    }

    /// The loader refuses a file that lacks any clause, so every id has its text.
    public func clause(_ id: ClauseID) -> ClauseText { clauses[id]! }

    /// What the policy file says a facet means (`C1.limit`: the client's card limit is reached).
    public func text(of clause: Clause) -> Bilingual { clauses[clause.id]!.facets[clause.facet]! }

    /// A refusal under `facet` (e.g. `C1.limit`) with the particular reason of this case.
    public func refusal(_ facet: some ClauseFacet, zh: String, en: String) -> CoreError {
        refusal(Clause(facet), zh: zh, en: en)
    }

    public func refusal(_ clause: Clause, zh: String, en: String) -> CoreError {
        .refused(Refusal(clause: clause, reason: Bilingual(zh: zh, en: en)))
    }
}
