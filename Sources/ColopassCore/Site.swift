import Foundation
import GRDB
import Logging

/// What every area of the site shares: the rules, the one store, the clock, the document store
/// and the signing keys. Built once by `Core`; each area holds it and nothing else of the others
/// but the areas it names.
public final class Site: Sendable {
    public let policy: Policy
    public let store: Store
    public let clock: Clock
    public let documents: DocumentStore
    public let dataDirectory: String
    let keyring: Keyring
    let logger: Logger

    /// `store` nil: the site's SQLite file in `dataDirectory`; tests may pass `Store.inMemory()`.
    public init(dataDirectory: String, policy: Policy, clock: Clock, store: Store? = nil) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        self.dataDirectory = dataDirectory
        self.policy = policy
        self.clock = clock
        self.store = try store ?? Store(path: (dataDirectory as NSString).appendingPathComponent(Core.databaseFileName))
        documents = DocumentStore(
            root: (dataDirectory as NSString).appendingPathComponent("documents"),
            maxBytes: policy.parameters.uploadMaxBytes)
        keyring = Keyring(directory: (dataDirectory as NSString).appendingPathComponent("keys"))
        logger = Logger(label: "colopass.core")
    }
}

/// An area of the site's work (cards, passes, equipment…): a type over the shared `Site` that
/// gets its rules, store and clock, and the one way to run a change (`perform`) or a read.
public protocol SiteArea: Sendable {
    var site: Site { get }
}

extension SiteArea {
    public var policy: Policy { site.policy }
    public var store: Store { site.store }
    public var clock: Clock { site.clock }
    public var documents: DocumentStore { site.documents }
    public var dataDirectory: String { site.dataDirectory }
    var keyring: Keyring { site.keyring }
    var logger: Logger { site.logger }

    /// Today at the site, in the site's time zone.
    public var today: Day { Day(clock.now(), in: policy.site.timeZone) }
}
