import ColopassCore
import ColopassServer
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A throw-away site served in-process: a temp data directory, the shipped policy, a clock the
/// test moves, a cheap password hasher, and a cast of accounts with bearer tokens:
/// `admin`, `kefu` and `kefu2` (customer service), `boss` and `boss2` (supervisors), `gate1`
/// (guard), `ua` (client user of client A) and `ub` (client user of client B).
final class ServerSite: @unchecked Sendable {
    let directory: String
    let core: Core
    let configuration = ServerConfiguration(hasher: PasswordHasher(iterations: 1_000))
    private let clockBox: ClockBox
    private(set) var tokens: [String: String] = [:]
    private(set) var actors: [String: Actor] = [:]

    static let defaultNow = ISO8601DateFormatter().date(from: "2026-06-15T02:00:00Z")!
    static let password = "correct horse battery staple"

    init(now: Date = ServerSite.defaultNow) throws {
        directory = NSTemporaryDirectory() + "colopass-server-" + UUID().uuidString
        clockBox = ClockBox(now)
        let box = clockBox
        core = try Core(dataDirectory: directory, policy: try Self.policy(), clock: Clock { box.now })
        for (name, role) in [
            ("admin", Role.admin), ("kefu", .customerService), ("kefu2", .customerService), ("boss", .supervisor),
            ("boss2", .supervisor), ("gate1", .guard),
        ] {
            try enrol(name, role, client: nil)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var now: Date {
        get { clockBox.now }
        set { clockBox.now = newValue }
    }

    func advance(minutes: Double) { now = now.addingTimeInterval(minutes * 60) }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func policy() throws -> Policy { try Policy.load(contentsOf: repositoryRoot + "/policies/site.yaml") }

    static func fixture(_ name: String) -> Data {
        FileManager.default.contents(atPath: repositoryRoot + "/Tests/ColopassServerTests/Fixtures/" + name)!
    }

    static func upload(_ name: String) -> [String: Any] {
        ["filename": name, "base64": fixture(name).base64EncodedString()]
    }

    /// An account with a password and a session token (signed in through the core).
    @discardableResult
    func enrol(_ name: String, _ role: Role, client: Int64?) throws -> String {
        let account = try core.accounts.addAccount(name: name, role: role, clientId: client, by: .system)
        try core.accounts.setPassword(name, to: Self.password, hasher: configuration.hasher, by: .system)
        let session = try core.accounts.signIn(
            name: name, password: Self.password, from: "test", hasher: configuration.hasher)
        tokens[name] = session.token
        actors[name] = Actor(account: account)
        return session.token
    }

    func actor(_ name: String) -> Actor { actors[name]! }

    // MARK: - A populated site

    struct Fixture {
        var clientA: Int64
        var clientB: Int64
        var contractA: String
        var personA: Int64
        var personA2: Int64
        var personB: Int64
        var cardA: String
        var cardB: String
        var visitA: Int64
        var emergencyA: Int64
        var emergencyPassA: String
    }

    /// Two companies, each with a contract in force, staff with documents, a card; client A has a
    /// filed temporary-entry request and an emergency awaiting review. `ua` and `ub` are their users.
    func populate() throws -> Fixture {
        let cs = actor("kefu")
        let a = try company("北京云栈科技有限公司", "91110108MA01ABCD1E", "HT-A")
        let b = try company("上海数桥网络有限公司", "91310115MA1K3XY72K", "HT-B")
        _ = try core.registry.addContract(
            NewContract(
                number: "HT-A2", clientId: a, startsOn: "2026-01-01", endsOn: "2027-12-31", racks: ["A02"],
                serverQuota: 2), by: cs)
        try enrol("ua", .clientUser, client: a)
        try enrol("ub", .clientUser, client: b)
        // Each client's user is also its administrator (roster, card requests, subscriptions).
        for name in ["ua", "ub"] { _ = try core.accounts.setClientAdmin(name, granted: true, by: .system) }
        let personA = try person(a, "李娜", "110105198503121234")
        let personA2 = try person(a, "王强", "310115199007042347")
        let personB = try person(b, "陈静", "440305199211203459")
        let cardA = try core.cards.issueCard(personId: personA, by: cs).number
        let cardB = try core.cards.issueCard(personId: personB, by: cs).number
        let letter = directory + "/letter.pdf"
        FileManager.default.createFile(atPath: letter, contents: Self.fixture("letter.pdf"))
        let visit = try core.passes.fileVisitRequest(
            NewVisitRequest(
                clientId: a, reason: "更换硬盘", windowStart: now.addingTimeInterval(6 * 3600),
                windowEnd: now.addingTimeInterval(9 * 3600),
                visitors: [NewVisitor(name: "赵六", idNumber: "110108197910014561")], letterPath: letter),
            by: actor("ua"))
        let emergency = try core.passes.approveEmergency(
            NewEmergency(
                clientId: a, staff: [NewVisitor(name: "钱七", idNumber: "11010519491231002X")], reason: "服务器宕机",
                hours: 2), by: actor("boss"))
        return Fixture(
            clientA: a, clientB: b, contractA: "HT-A", personA: personA, personA2: personA2, personB: personB,
            cardA: cardA, cardB: cardB, visitA: visit.request.id, emergencyA: emergency.entry.id,
            emergencyPassA: emergency.passes[0].pass.number)
    }

    /// A door's alert as the service raises it: gate `east` uploads that it let card A's holder
    /// out although the card had been reported lost (G3, the event citing C4). Returns its id.
    func letOutAlert(_ fixture: Fixture) throws -> Int64 {
        let card = try core.cards.card(try CardNumber(fixture.cardA), by: actor("kefu")).card
        let event = GateEvent(
            id: "east-\(UUID().uuidString)", gate: "east", direction: .out, at: now, kind: .accessCard,
            credentialId: UInt32(card.id), generation: UInt16(card.generation), result: .granted, reason: "lost",
            clause: "C4.lost", confirmed: false, holderName: "李娜")
        _ = try core.gate.recordGateEvents([event], by: actor("gate1"))
        return try #require(try core.gate.gateAlerts(by: actor("kefu")).first { $0.eventId == event.id }).id
    }

    // MARK: - Equipment (Q1–Q5)

    struct Equipment {
        var draft: String
        var issued: String
        var item: String
        var secondItem: String
        var removal: String
    }

    /// On top of `populate()`: contract HT-A3 (two IPs and ports per server), the site's pools, an
    /// issued order for three servers and a draft; the clock moved to the racking day (sessions
    /// renewed), two servers accepted, and a repair removal filed by `ua` for the first.
    func equipment(_ fixture: Fixture) throws -> Equipment {
        let (cs, admin) = (actor("kefu"), actor("admin"))
        _ = try core.registry.addContract(
            NewContract(
                number: "HT-A3", clientId: fixture.clientA, startsOn: "2026-01-01", endsOn: "2026-12-31",
                racks: ["A01"], serverQuota: 10, ipsPerServer: 2, portsPerServer: 2), by: cs)
        _ = try core.registry.activateContract("HT-A3", by: cs)
        _ = try core.equipment.addIPPool(cidr: "10.20.0.0/24", by: admin)
        _ = try core.equipment.addPortPool(switch: "SW-A01", from: 1, to: 48, by: admin)
        let issued = try core.equipment.createWorkOrder(contract: "HT-A3", plannedAt: now.addingTimeInterval(48 * 3600), by: cs)
        for (index, serial) in ["SN-A1", "SN-A2", "SN-A3"].enumerated() {
            _ = try core.equipment.addWorkOrderItem(
                try WorkOrderNumber(issued.number),
                NewWorkOrderItem(kind: .server, brand: "Dell", model: "R750", serial: serial, rack: "A01", uPosition: 1 + 2 * index),
                by: cs)
        }
        _ = try core.equipment.issueWorkOrder(try WorkOrderNumber(issued.number), by: cs)
        let draft = try core.equipment.createWorkOrder(contract: "HT-A3", plannedAt: now.addingTimeInterval(96 * 3600), by: cs)
        _ = try core.equipment.addWorkOrderItem(
            try WorkOrderNumber(draft.number),
            NewWorkOrderItem(kind: .server, brand: "Dell", model: "R760", serial: "SN-D1", rack: "A01", uPosition: 20), by: cs)
        now = issued.plannedAt
        try renewSessions()
        let first = try core.equipment.acceptItem(workOrder: try WorkOrderNumber(issued.number), serial: "SN-A1", by: actor("boss")).item.number
        let second = try core.equipment.acceptItem(workOrder: try WorkOrderNumber(issued.number), serial: "SN-A2", by: actor("boss")).item.number
        let removal = try core.equipment.fileRemoval(repair(fixture, items: [first]), by: actor("ua")).request.number
        return Equipment(draft: draft.number, issued: issued.number, item: first, secondItem: second, removal: removal)
    }

    /// A complete Q5 application, removal today, one mover with the ID copy.
    func repair(_ fixture: Fixture, items: [String]) -> NewRemovalRequest {
        let fixtures = Self.repositoryRoot + "/Tests/ColopassServerTests/Fixtures/"
        return NewRemovalRequest(
            kind: .repair, clientId: fixture.clientA, items: items, removalDate: core.today.description,
            companyName: "北京云栈科技有限公司",
            movers: [NewRemovalMover(name: "搬运工", idNumber: "110108197910014561", idCopyPath: fixtures + "id-copy.png")],
            applicationScanPath: fixtures + "letter.pdf")
    }

    /// Signs everyone in again (after the clock moved past the sessions' end).
    func renewSessions() throws {
        for name in tokens.keys {
            tokens[name] = try core.accounts.signIn(name: name, password: Self.password, from: "test", hasher: configuration.hasher).token
        }
    }

    func company(_ name: String, _ code: String, _ contract: String) throws -> Int64 {
        let cs = actor("kefu")
        let client = try core.registry.addClient(NewClient(kind: .company, name: name, creditCode: code), by: cs)
        _ = try core.registry.addContract(
            NewContract(
                number: contract, clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A01"],
                serverQuota: 10), by: cs)
        _ = try core.registry.activateContract(contract, by: cs)
        return client.id
    }

    func person(_ client: Int64, _ name: String, _ idNumber: String, documents: Bool = true) throws -> Int64 {
        let fixtures = Self.repositoryRoot + "/Tests/ColopassServerTests/Fixtures/"
        return try core.registry.addPerson(
            NewPerson(
                clientId: client, name: name, idType: "resident_id", idNumber: idNumber, phone: "13800000001",
                photoPath: documents ? fixtures + "photo.png" : nil,
                idCopyPath: documents ? fixtures + "id-copy.png" : nil,
                letterPath: documents ? fixtures + "letter.pdf" : nil),
            by: actor("kefu")
        ).person.id
    }

    // MARK: - Counting what changed

    /// Rows of every table that a request could change, and the audit records that are not refusals.
    func counts() throws -> [String: Int] {
        try core.store.pool.read { db in
            var counts: [String: Int] = [:]
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for table in tables where table != "audit_record" {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"")
            }
            counts["audit_done"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_record WHERE outcome = 'done'")
            // Changes that keep the row count: a digest of every mutable row.
            counts["card_state"] = try String.fetchAll(db, sql: "SELECT number || status || generation FROM card").hashValue
            counts["contract_state"] = try String.fetchAll(db, sql: "SELECT number || status FROM contract").hashValue
            counts["visit_state"] = try String.fetchAll(db, sql: "SELECT id || status FROM visit_request").hashValue
            counts["emergency_state"] = try String.fetchAll(
                db, sql: "SELECT id || COALESCE(reviewed_by, '') FROM emergency_entry").hashValue
            counts["person_state"] = try String.fetchAll(db, sql: "SELECT id || status || COALESCE(photo, '') FROM person").hashValue
            counts["account_state"] = try String.fetchAll(
                db, sql: "SELECT name || status || COALESCE(password_hash, '') FROM account").hashValue
            for table in ["work_order", "work_order_line", "removal_request", "exit_slip", "inventory_item"] {
                counts["\(table)_state"] = try String.fetchAll(db, sql: "SELECT id || status FROM \(table)").hashValue
            }
            counts["token_state"] = try String.fetchAll(
                db, sql: "SELECT id || COALESCE(revoked_at, '') FROM auth_token").hashValue
            return counts
        }
    }

    // MARK: - Requests

    func app() -> some ApplicationProtocol {
        ColopassServer.buildApplication(core: core, host: "127.0.0.1", port: 0, configuration: configuration)
    }
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

/// A response as tests read it.
struct Reply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var text: String { String(decoding: body, as: UTF8.self) }
    var clause: String? { (object["error"] as? [String: Any])?["clause"] as? String }
    var field: String? { (object["error"] as? [String: Any])?["field"] as? String }
}

extension TestClientProtocol {
    /// One request: JSON body from a dictionary, bearer token of `as`'s session.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
        form: [String: Any]? = nil, headers extra: [String: String] = [:]
    ) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let form {
            // multipart/form-data, as a browser sends a form with a file field
            let boundary = "----colopass\(UUID().uuidString)"
            var data = Data()
            for (name, value) in form.sorted(by: { $0.key < $1.key }) {
                data.append(Data("--\(boundary)\r\n".utf8))
                if let file = value as? Data {
                    data.append(Data("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(name).bin\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
                    data.append(file)
                } else {
                    data.append(Data("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)".utf8))
                }
                data.append(Data("\r\n".utf8))
            }
            data.append(Data("--\(boundary)--\r\n".utf8))
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            body = ByteBuffer(bytes: data)
        } else if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: raw)
        }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await execute(uri: uri, method: method, headers: headers, body: body) { response in
            var names: [String: String] = [:]
            for field in response.headers { names[field.name.canonicalName] = field.value }
            return Reply(status: Int(response.status.code), headers: names, body: Data(buffer: response.body))
        }
    }
}
