import ColopassCore
import Foundation
import GateCheck
import Testing

/// A service site and one gate replica beside it, sharing one controllable clock.
final class GateSite: @unchecked Sendable {
    let directory: String
    let core: Core
    let replica: Replica
    private let lock = NSLock()
    private var current: Date
    let service: Actor
    let guardOnDuty: Actor

    static let start = ISO8601DateFormatter().date(from: "2026-06-15T02:00:00Z")!

    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    var clock: Clock { Clock { [unowned self] in self.now } }

    init(policy edit: (inout Policy) -> Void = { _ in }) throws {
        directory = NSTemporaryDirectory() + "colopass-gate-" + UUID().uuidString
        current = Self.start
        var policy = try Policy.load(contentsOf: Self.repositoryRoot + "/policies/site.yaml")
        edit(&policy)
        let box = Box()
        core = try Core(dataDirectory: directory + "/service", policy: policy, clock: Clock { box.site?.now ?? Date() })
        replica = try Replica(directory: directory + "/gate")
        service = Actor(account: try core.accounts.addAccount(name: "cs", role: .customerService, by: .system))
        guardOnDuty = Actor(account: try core.accounts.addAccount(name: "guard", role: .guard, by: .system))
        box.site = self
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    final class Box: @unchecked Sendable { weak var site: GateSite? }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static var fixtures: String { repositoryRoot + "/Tests/ColopassCoreTests/Fixtures" }

    /// A company with an active contract and `count` cards issued.
    func cards(_ count: Int, limit: Int = 2) throws -> [Card] {
        let client = try core.registry.addClient(
            NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E"), by: service)
        _ = try core.registry.addContract(
            NewContract(number: "HT-1", clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31",
                        racks: ["A01"], serverQuota: 5), by: service)
        _ = try core.registry.activateContract("HT-1", by: service)
        let ids = ["110105198503121234", "310115199007042347", "440305199211203459", "110108197910014561"]
        return try (0..<count).map { index in
            let person = try core.registry.addPerson(
                NewPerson(clientId: client.id, name: "员工\(index + 1)", idType: "resident_id", idNumber: ids[index],
                          phone: "13800000001", photoPath: Self.fixtures + "/photo.png",
                          idCopyPath: Self.fixtures + "/id-copy.png", letterPath: Self.fixtures + "/letter.pdf"),
                by: service
            ).person
            return try core.cards.issueCard(personId: person.id, by: service)
        }
    }

    var source: ServiceSource { ServiceSource(core: core, actor: guardOnDuty) }

    /// Pins the keys and pulls the first snapshot, as a gate's installation does.
    func installGate() throws {
        try replica.trust(try core.credentials.publicKeyExport())
        try sync()
    }

    @discardableResult
    func sync() throws -> SyncReport { try GateSync.run(replica, from: source, now: now) }

    func desk(_ direction: GateEvent.Direction = .in, gate: String = "A") throws -> GateDesk {
        try GateDesk(replica: replica, gate: gate, direction: direction, clock: clock)
    }

    func serviceEventCount() throws -> Int {
        try core.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gate_event") ?? 0 }
    }
}
