import Foundation
import GRDB
import Logging

/// The site's access office: the rules, the store and the clock. The CLI, the server and the gate
/// are thin shells over this; every rule is enforced here and nowhere else.
public final class Core: Sendable {
    public let policy: Policy
    public let store: Store
    public let clock: Clock
    public let documents: DocumentStore
    public let dataDirectory: String
    let keyring: Keyring
    let logger: Logger

    public static let databaseFileName = "colopass.sqlite"

    public init(dataDirectory: String, policy: Policy, clock: Clock = .system) throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        self.dataDirectory = dataDirectory
        self.policy = policy
        self.clock = clock
        store = try Store(path: (dataDirectory as NSString).appendingPathComponent(Self.databaseFileName))
        documents = DocumentStore(
            root: (dataDirectory as NSString).appendingPathComponent("documents"),
            maxBytes: policy.parameters.uploadMaxBytes)
        keyring = Keyring(directory: (dataDirectory as NSString).appendingPathComponent("keys"))
        logger = Logger(label: "colopass.core")
    }

    /// Today at the site, in the site's time zone.
    public var today: Day { Day(clock.now(), in: policy.site.timeZone) }
}
