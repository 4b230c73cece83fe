import ColopassCore
import Foundation

/// A throw-away site for one test: a temp data directory with a real SQLite file, the shipped
/// policy, and a clock the test controls.
final class TestSite: @unchecked Sendable {
    let directory: String
    let core: Core
    private let clockBox: ClockBox

    /// Tests stand on a fixed day so dates in assertions never drift.
    static let defaultNow = ISO8601DateFormatter().date(from: "2026-06-15T02:00:00Z")!

    init(now: Date = TestSite.defaultNow, policy: Policy? = nil) throws {
        directory = NSTemporaryDirectory() + "colopass-test-" + UUID().uuidString
        clockBox = ClockBox(now)
        let box = clockBox
        core = try Core(
            dataDirectory: directory, policy: policy ?? (try TestSite.shippedPolicy()), clock: Clock { box.now })
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var now: Date {
        get { clockBox.now }
        set { clockBox.now = newValue }
    }

    func advance(hours: Double) { now = now.addingTimeInterval(hours * 3600) }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var policyPath: String { repositoryRoot + "/policies/site.yaml" }

    static func shippedPolicy() throws -> Policy { try Policy.load(contentsOf: policyPath) }

    static var fixtures: String { repositoryRoot + "/Tests/ColopassCoreTests/Fixtures" }

    // MARK: - Actors and a ready-made client

    func account(_ name: String, _ role: Role, client: Int64? = nil) throws -> Actor {
        Actor(account: try core.accounts.addAccount(name: name, role: role, clientId: client, by: .system))
    }

    lazy var service: Actor = try! account("cs", .customerService)
    lazy var supervisor: Actor = try! account("boss", .supervisor)
    lazy var guardOnDuty: Actor = try! account("gate1", .guard)
    lazy var admin: Actor = try! account("root", .admin)

    /// A company with an active contract running all year round the test day.
    func company(
        name: String = "北京云栈科技有限公司", creditCode: String = "91110108MA01ABCD1E", contract: String = "HT-1"
    ) throws -> (client: Client, contract: Contract) {
        let client = try core.registry.addClient(NewClient(kind: .company, name: name, creditCode: creditCode), by: service)
        let added = try core.registry.addContract(
            NewContract(
                number: contract, clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A01"],
                serverQuota: 10), by: service)
        _ = try core.registry.activateContract(added.number, by: service)
        return (client, try core.registry.contract(added.number, by: service))
    }

    func individual(idNumber: String = "320106198802155675", contract: String = "HT-9") throws -> (
        client: Client, contract: Contract
    ) {
        let client = try core.registry.addClient(
            NewClient(kind: .individual, name: "张伟", idType: "resident_id", idNumber: idNumber), by: service)
        let added = try core.registry.addContract(
            NewContract(
                number: contract, clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["C12"],
                serverQuota: 1), by: service)
        _ = try core.registry.activateContract(added.number, by: service)
        return (client, try core.registry.contract(added.number, by: service))
    }

    /// A person with the photo, ID copy and letter on file (C1), so a card can be issued.
    func person(
        of clientId: Int64, name: String = "李娜", idNumber: String = "110105198503121234", documents: Bool = true
    ) throws -> Person {
        try core.registry.addPerson(
            NewPerson(
                clientId: clientId, name: name, idType: "resident_id", idNumber: idNumber, phone: "13800000001",
                photoPath: documents ? TestSite.fixtures + "/photo.png" : nil,
                idCopyPath: documents ? TestSite.fixtures + "/id-copy.png" : nil,
                letterPath: documents ? TestSite.fixtures + "/letter.pdf" : nil),
            by: service
        ).person
    }

    /// Valid resident ID numbers (GB 11643 check digits), for tests that need several people.
    static let residentIDs = [
        "110105198503121234", "310115199007042347", "440305199211203459", "110108197910014561",
        "11010519491231002X", "320106198802155675",
    ]
}

final class ClockBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ value: Date) { self.value = value }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
