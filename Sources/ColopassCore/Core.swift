import Foundation

/// The site's access office: the composition root that builds one type per area over the shared
/// `Site`. The CLI, the server and the gate exchange are thin shells over these; every rule is
/// enforced in its area and nowhere else.
public final class Core: SiteArea {
    public let site: Site
    public let accounts: Accounts
    public let audit: AuditTrail
    public let credentials: Credentials
    public let registry: Registry
    public let cards: Cards
    public let passes: Passes
    public let equipment: Equipment
    public let gate: GateExchange
    public let serviceDesk: ServiceDesk
    public let backup: SiteBackup
    public let outbox: Outbox

    public static let databaseFileName = "colopass.sqlite"

    public init(dataDirectory: String, policy: Policy, clock: Clock = .system, store: Store? = nil) throws {
        site = try Site(dataDirectory: dataDirectory, policy: policy, clock: clock, store: store)
        accounts = Accounts(site: site)
        audit = AuditTrail(site: site)
        credentials = Credentials(site: site)
        cards = Cards(site: site, credentials: credentials)
        passes = Passes(site: site, credentials: credentials)
        equipment = Equipment(site: site, credentials: credentials)
        registry = Registry(site: site, cards: cards, passes: passes, equipment: equipment)
        gate = GateExchange(site: site, passes: passes, equipment: equipment)
        serviceDesk = ServiceDesk(site: site)
        backup = SiteBackup(site: site, audit: audit)
        outbox = Outbox(site: site)
    }
}
