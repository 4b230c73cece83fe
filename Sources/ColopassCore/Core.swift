import Foundation

/// The site's access office: the composition root that builds one type per area over the shared
/// `Site`. The CLI, the server and the gate exchange are thin shells over these; every rule is
/// enforced in its area and nowhere else.
public final class Core: SiteArea {
    public let site: Site
    public let accounts: Accounts
    public let audit: AuditTrail
    public let keys: Keys
    public let registry: Registry
    public let cards: Cards
    public let passes: Passes
    public let equipment: Equipment

    public static let databaseFileName = "colopass.sqlite"

    public init(dataDirectory: String, policy: Policy, clock: Clock = .system, store: Store? = nil) throws {
        site = try Site(dataDirectory: dataDirectory, policy: policy, clock: clock, store: store)
        accounts = Accounts(site: site)
        audit = AuditTrail(site: site)
        keys = Keys(site: site)
        cards = Cards(site: site, keys: keys)
        passes = Passes(site: site, keys: keys)
        equipment = Equipment(site: site, keys: keys)
        registry = Registry(site: site, cards: cards, passes: passes, equipment: equipment)
    }
}
