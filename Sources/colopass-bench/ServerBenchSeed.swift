import ColopassCore
import Foundation
import GRDB
import Synchronization

/// The server benchmark's site: 10,000 clients (8,000 companies, 2,000 individuals), an active
/// contract each, 100,000 people and an active card each.
///
/// The first company, its contract, one person and one card go through the core, which creates
/// the signing key and stores the photo and scans. The rest is benchmark data written with plain
/// SQL in one transaction (the core's path would take minutes: a signature, an audit record and a
/// durable commit per card), so it has no audit records and no contacts. The rows are still
/// valid ones: real check characters on the credit codes, ID numbers and card numbers,
/// credentials signed by the site's key, documents on file, and the card limit of the policy the
/// server runs with. The gate change log is filled by the same triggers as always.
enum ServerBenchSeed {
    static let clients = 10_000
    static let cards = 100_000
    /// Every fifth client is an individual, holding the one card the policy allows.
    static let individuals = clients / 5
    /// Company clients hold 12 or 13 cards; the site's policy (2) is raised to this for the run.
    static let cardsPerCompany = 13

    struct Site {
        var core: Core
        var policyPath: String
        var apiToken: String
        var gateToken: String
        /// Card numbers, for the look-up's random paths.
        var cardNumbers: [String]
    }

    /// The sign-in row's account, with a password stored as every real one is (PBKDF2, 600,000
    /// iterations), so each sign-in costs what it costs in production.
    static let signInAccount = "denglu"
    static let signInPassword = "bench sign-in password 2026"

    /// `scale` multiplies the clients and cards (10 for the 1,000,000-card gate row).
    static func make(directory: String, scale: Int = 1) throws -> Site {
        let policyPath = directory + "/site.yaml"
        let original = try String(contentsOfFile: "policies/site.yaml", encoding: .utf8)
        let raised = original.replacingOccurrences(
            of: "cards_per_company_client: 2 ", with: "cards_per_company_client: \(cardsPerCompany) ")
        guard raised != original else { throw BenchFailure("policies/site.yaml: cards_per_company_client not found") }
        try raised.write(toFile: policyPath, atomically: true, encoding: .utf8)
        let policy = try Policy.load(contentsOf: policyPath)
        let core = try Core(dataDirectory: directory + "/data", policy: policy)

        _ = try core.accounts.initialiseSite(adminName: "admin")
        _ = try core.accounts.addAccount(name: "kefu", displayName: "客服 压测", role: .customerService, by: .system)
        _ = try core.accounts.addAccount(name: "baoan", displayName: "保安 压测", role: .guard, by: .system)
        let service = try core.accounts.actor(named: "kefu")

        // The template: through the core, which creates the signing key and the documents.
        let today = core.today
        let (startsOn, endsOn) = (today.adding(days: -30), today.adding(days: 335))
        let first = try core.registry.addClient(
            NewClient(kind: .company, name: companyName(0), creditCode: creditCode(0)), by: service)
        _ = try core.registry.addContract(
            NewContract(
                number: contractNumber(0), clientId: first.id, startsOn: startsOn.description,
                endsOn: endsOn.description, racks: [rack(0)], serverQuota: 4), by: service)
        _ = try core.registry.activateContract(contractNumber(0), by: service)
        let photo = directory + "/photo.png"
        try Data(try GrayscalePNG.encode([UInt8](repeating: 0x80, count: 120 * 160), width: 120, height: 160))
            .write(to: URL(fileURLWithPath: photo))
        let person = try core.registry.addPerson(
            NewPerson(
                clientId: first.id, name: personName(0), idType: "resident_id", idNumber: residentID(0),
                phone: phone(0), photoPath: photo, idCopyPath: photo, letterPath: photo), by: service
        ).person
        let template = try core.cards.card(try CardNumber(core.cards.issueCard(personId: person.id, by: service).number), by: service).card
        let keyPath = directory + "/data/keys/signing-\(template.keyId).key"
        guard let raw = [UInt8](hex: try String(contentsOfFile: keyPath, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchFailure("unreadable signing key \(keyPath)") }
        let key = try Ed25519PrivateKey(rawRepresentation: raw)

        let numbers = try bulk(
            core, key: key, template: template, person: person, contract: (startsOn, endsOn), site: policy.site.code,
            clients: clients * scale, cards: cards * scale)

        _ = try core.accounts.addAccount(name: signInAccount, displayName: "登录 压测", role: .customerService, by: .system)
        try core.accounts.setPassword(signInAccount, to: signInPassword, by: .system)

        let admin = try core.accounts.actor(named: "admin")
        let api = try core.accounts.issueToken(.api, for: "kefu", label: "bench", by: admin)
        let gate = try core.accounts.issueToken(.gate, for: "baoan", label: "bench", by: admin)
        return Site(
            core: core, policyPath: policyPath, apiToken: api.token, gateToken: gate.token,
            cardNumbers: [template.number] + numbers)
    }

    /// The other 9,999 clients and 99,999 cards, in one write transaction.
    private static func bulk(
        _ core: Core, key: Ed25519PrivateKey, template: Card, person: Person, contract: (Day, Day), site: String,
        clients: Int, cards: Int
    ) throws -> [String] {
        let individuals = clients / 5
        let now = Date()
        // Each client: its kind and how many cards it holds, summing to exactly `cards`.
        let companies = clients - individuals
        let companyCards = cards - individuals
        let extra = companyCards - companies * (companyCards / companies)
        var plan: [(individual: Bool, cards: Int)] = []
        var company = 0
        for index in 0..<clients {
            if index % 5 == 4 {
                plan.append((true, 1))
            } else {
                plan.append((false, companyCards / companies + (company < extra ? 1 : 0)))
                company += 1
            }
        }
        precondition(plan.reduce(0) { $0 + $1.cards } == cards && plan[0].cards <= cardsPerCompany)

        // Credentials first, on every core: signing is most of the seeding's work.
        let firstCard = template.id + 1
        let count = cards - 1
        let credentials = try signCredentials(
            key: key, ids: firstCard..<(firstCard + Int64(count)), keyId: UInt16(template.keyId), site: site,
            from: template.validFrom, until: template.validUntil)

        var numbers: [String] = []
        numbers.reserveCapacity(count)
        try core.store.pool.write { db in
            let insertClient = try db.makeStatement(
                sql: """
                    INSERT INTO client (id, kind, name, credit_code, id_type, id_number, status, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'active', ?)
                    """)
            let insertContract = try db.makeStatement(
                sql: """
                    INSERT INTO contract (id, number, client_id, starts_on, ends_on, status, racks, server_quota, created_at)
                    VALUES (?, ?, ?, ?, ?, 'active', ?, 4, ?)
                    """)
            let insertPerson = try db.makeStatement(
                sql: """
                    INSERT INTO person (id, client_id, name, id_type, id_number, phone, photo, id_copy, letter, status, created_at)
                    VALUES (?, ?, ?, 'resident_id', ?, ?, ?, ?, ?, 'active', ?)
                    """)
            let insertCard = try db.makeStatement(
                sql: """
                    INSERT INTO card (id, number, client_id, contract_id, person_id, generation, status, valid_from,
                        valid_until, key_id, credential, issued_at, issued_by)
                    VALUES (?, ?, ?, ?, ?, 1, 'active', ?, ?, ?, ?, ?, 'kefu')
                    """)
            var clientId = template.clientId
            var contractId = template.contractId
            var personId = person.id
            var cardId = template.id
            var personSerial = 1  // resident ID and name serial; 0 is the template's person
            for (index, entry) in plan.enumerated() {
                var held = entry.cards
                if index == 0 {
                    held -= 1  // the template client already holds the core's card
                } else {
                    clientId += 1
                    contractId += 1
                    if entry.individual {
                        let id = try ResidentIDNumber(residentID(personSerial)).value
                        try insertClient.execute(arguments: [
                            clientId, "individual", personName(personSerial), nil, "resident_id", id, now,
                        ])
                    } else {
                        try insertClient.execute(arguments: [
                            clientId, "company", companyName(index), try UnifiedSocialCreditCode(creditCode(index)).value,
                            nil, nil, now,
                        ])
                    }
                    try insertContract.execute(arguments: [
                        contractId, contractNumber(index), clientId, contract.0.description, contract.1.description,
                        rack(index), now,
                    ])
                }
                for _ in 0..<held {
                    personId += 1
                    cardId += 1
                    try insertPerson.execute(arguments: [
                        personId, clientId, personName(personSerial), try ResidentIDNumber(residentID(personSerial)).value,
                        phone(personSerial),
                        person.photo, person.idCopy, entry.individual ? nil : person.letter, now,
                    ])
                    personSerial += 1
                    let number = CardNumber.make(site: site, sequence: cardId)
                    try insertCard.execute(arguments: [
                        cardId, number, clientId, contractId, personId, template.validFrom, template.validUntil,
                        template.keyId, credentials[Int(cardId - firstCard)], now,
                    ])
                    numbers.append(number)
                }
            }
        }
        return numbers
    }

    private static func signCredentials(
        key: Ed25519PrivateKey, ids: Range<Int64>, keyId: UInt16, site: String, from: Date, until: Date
    ) throws -> [String] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (ids.count + workers - 1) / workers
        let results = Mutex<[Int: Result<[String], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let lower = ids.lowerBound + Int64(worker * chunk)
            let upper = min(ids.upperBound, lower + Int64(chunk))
            let result = Result {
                try (lower..<max(lower, upper)).map { id in
                    try SignedCredential.sign(
                        Credential(
                            kind: .accessCard, keyId: keyId, credentialId: UInt32(id), generation: 1, site: site,
                            validFrom: from, validUntil: until), with: key
                    ).text
                }
            }
            results.withLock { $0[worker] = result }
        }
        let parts = results.withLock { $0 }
        return try (0..<workers).flatMap { try parts[$0]!.get() }
    }

    // Valid identifiers, finished with the core's own check characters.

    /// GB 32100-2015: "91" (company), region 110108, a nine-character organisation code, check.
    static func creditCode(_ index: Int) -> String {
        let body = "91110108" + "MA" + String(format: "%07d", index)
        return body + String(UnifiedSocialCreditCode.checkCharacter(for: body)!)
    }

    /// GB 11643-1999: region 110105, a birth date from 1970 on (a thousand people a day), a
    /// sequence, check.
    static func residentID(_ serial: Int) -> String {
        let birth = calendar.date(byAdding: .day, value: serial / 1000, to: Date(timeIntervalSince1970: 0))!
        let parts = calendar.dateComponents([.year, .month, .day], from: birth)
        let body = "110105" + String(format: "%04d%02d%02d%03d", parts.year!, parts.month!, parts.day!, serial % 1000)
        return body + String(ResidentIDNumber.checkCharacter(for: body)!)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func companyName(_ index: Int) -> String { "压测科技\(index)有限公司" }
    static func personName(_ serial: Int) -> String { "员工\(serial)" }
    static func contractNumber(_ index: Int) -> String { "HT-BENCH-\(String(format: "%05d", index))" }
    static func rack(_ index: Int) -> String { "R\(String(format: "%05d", index))" }
    static func phone(_ serial: Int) -> String { "138\(String(format: "%08d", serial))" }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
