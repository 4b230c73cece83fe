import Foundation
import Yams

extension Policy {
    /// Loads and validates a policy file. Every problem is a `PolicyError` naming the key.
    public static func load(contentsOf path: String) throws(PolicyError) -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyError(file: path, key: "(file)", kind: .unreadable, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyError(file: path, key: "(file)", kind: .malformed, reason: "not UTF-8 text")
        }
        return try parse(text, file: path, fingerprint: SHA256.hex(Array(data)))
    }

    public static func parse(_ text: String, file: String, fingerprint: String = "") throws(PolicyError) -> Policy {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PolicyError(file: file, key: "(file)", kind: .malformed, reason: "the file is empty")
            }
            root = node
        } catch let error as PolicyError {
            throw error
        } catch {
            throw PolicyError(file: file, key: "(file)", kind: .malformed, reason: "not valid YAML: \(error)")
        }
        let top = try PolicyNode(node: root, path: "", file: file).mapping()
        let site = try top.child("site").mapping()
        let parameters = try top.child("parameters").mapping()
        let clauses = try top.child("clauses").mapping()
        let serviceDesk = try readServiceDesk(try top.child("service_desk").mapping())
        try top.rejectUnknownKeys()

        let policy = Policy(
            site: try readSite(site),
            parameters: try readParameters(parameters),
            clauses: try readClauses(clauses),
            serviceDesk: serviceDesk,
            fingerprint: fingerprint)
        return policy
    }

    private static func readSite(_ site: PolicyMapping) throws(PolicyError) -> Site {
        let codeNode = site.child("code")
        let code = try codeNode.string()
        guard code.range(of: "^[A-Z][A-Z0-9]{1,7}$", options: .regularExpression) != nil else {
            throw codeNode.error(.badValue, "2–8 capital letters or digits, starting with a letter")
        }
        let name = try site.child("name").bilingual()
        let zoneNode = site.child("timezone")
        let zoneName = try zoneNode.string()
        guard let zone = TimeZone(identifier: zoneName) else {
            throw zoneNode.error(.badValue, "'\(zoneName)' is not a known time zone")
        }
        try site.rejectUnknownKeys()
        return Site(code: code, name: name, timeZone: zone)
    }

    private static func readParameters(_ p: PolicyMapping) throws(PolicyError) -> Parameters {
        var parameters = Parameters(
            cardsPerCompanyClient: try p.child("cards_per_company_client").integer(atLeast: 0),
            cardsPerIndividualClient: try p.child("cards_per_individual_client").integer(atLeast: 0),
            cardMaxValidityDays: try p.child("card_max_validity_days").integer(atLeast: 1),
            workOrderLeadHours: try p.child("work_order_lead_hours").integer(atLeast: 0),
            ipsPerServer: try p.child("ips_per_server").integer(atLeast: 1),
            portsPerServer: try p.child("ports_per_server").integer(atLeast: 1),
            visitorLogRetentionDays: try p.child("visitor_log_retention_days").integer(atLeast: 90),
            temporaryEntryMinNoticeHours: try p.child("temporary_entry_min_notice_hours").integer(atLeast: 0),
            temporaryEntryMaxWindowHours: try p.child("temporary_entry_max_window_hours").integer(atLeast: 1),
            emergencyEntryMaxWindowHours: try p.child("emergency_entry_max_window_hours").integer(atLeast: 1),
            escortRequired: try p.child("escort_required").boolean(),
            gateReplicaMaxAgeMinutes: try p.child("gate_replica_max_age_minutes").integer(atLeast: 1),
            gateReplicaWarnPercent: try p.child("gate_replica_warn_percent").integer(in: 1...100),
            staleReplicaMode: try p.child("stale_replica_mode").oneOf(StaleReplicaMode.self),
            antiPassback: try p.child("anti_passback").oneOf(AntiPassback.self),
            passwordMinLength: try p.child("password_min_length").integer(atLeast: 8),
            signinMaxFailures: try p.child("signin_max_failures").integer(atLeast: 1),
            signinMaxFailuresPerAccount: try p.child("signin_max_failures_per_account").integer(atLeast: 1),
            signinLockoutMinutes: try p.child("signin_lockout_minutes").integer(atLeast: 1),
            uploadMaxBytes: try p.child("upload_max_bytes").integer(atLeast: 1024))
        parameters.auditCheckpointMinutes = try p.child("audit_checkpoint_minutes").integer(atLeast: 1)
        try readNotificationParameters(p, into: &parameters)
        try p.rejectUnknownKeys()
        return parameters
    }

    /// Every clause, and under it the text of every facet the code refuses with: a facet the
    /// code has and the file lacks, or one the file names and the code lacks, stops start-up.
    private static func readClauses(_ c: PolicyMapping) throws(PolicyError) -> [ClauseID: ClauseText] {
        var clauses: [ClauseID: ClauseText] = [:]
        for id in ClauseID.allCases {
            let clause = try c.child(id.rawValue).mapping()
            let facets = Clause.all.filter { $0.id == id }
            var texts: [String: Bilingual] = [:]
            if !facets.isEmpty {
                let node = try clause.child("facets").mapping()
                for facet in facets { texts[facet.facet] = try node.child(facet.facet).bilingual() }
                try node.rejectUnknownKeys()
            }
            clauses[id] = ClauseText(
                id: id, title: try clause.child("title").bilingual(), text: try clause.child("text").bilingual(),
                facets: texts)
            try clause.rejectUnknownKeys()
        }
        try c.rejectUnknownKeys()
        return clauses
    }
}
