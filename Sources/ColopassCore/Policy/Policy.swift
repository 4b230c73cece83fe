import Foundation

/// The site's rules as loaded from `policies/site.yaml`: who the site is, every number the rules
/// name, and the zh/en text of every clause.
public struct Policy: Sendable {
    public var site: Site
    public var parameters: Parameters
    public var clauses: [String: Clause]
    /// SHA-256 of the file's bytes, recorded so an audit can tell which rules were in force.
    public var fingerprint: String

    public struct Site: Sendable, Codable {
        public var code: String
        public var name: Bilingual
        public var timeZone: TimeZone
    }

    public struct Clause: Sendable, Codable {
        public var id: String
        public var title: Bilingual
        public var text: Bilingual
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
        public var staleReplicaMode: StaleReplicaMode
        public var antiPassback: AntiPassback
        public var passwordMinLength: Int
        public var signinMaxFailures: Int
        public var signinLockoutMinutes: Int
        public var uploadMaxBytes: Int
    }

    public func clause(_ id: String) -> Clause? { clauses[ClauseID.base(of: id)] }

    /// A refusal under `clause` (e.g. `C1.limit`) with the particular reason of this case.
    public func refusal(_ clause: String, zh: String, en: String) -> CoreError {
        precondition(clauses[ClauseID.base(of: clause)] != nil, "unknown clause \(clause)")
        return .refused(Refusal(clause: clause, reason: Bilingual(zh: zh, en: en)))
    }
}
