/// The client service desk (K1–K9): tickets and their owners, complaint clocks, fault reports and
/// their analysis, act-first contact forms, account managers, follow-up calls, the yearly needs
/// survey, the holiday duty roster and the service supervision report.
public struct ServiceDesk: SiteArea {
    public let site: Site

    public init(site: Site) {
        self.site = site
    }

    var rules: ServiceDeskRules { policy.serviceDesk }
}
