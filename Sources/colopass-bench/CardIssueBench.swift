import ColopassCore
import Foundation

/// The median time to issue a card end to end: rules, signature, QR, SVG, PNG, database and
/// audit, with the badge files written, as `colopass card issue` does.
enum CardIssueBench {
    static func run() throws {
        print("\n== Card issue, end to end ==")
        let directory = NSTemporaryDirectory() + "colopass-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var policy = try Policy.load(contentsOf: "policies/site.yaml")
        // One company holds many cards here only so that one run measures many issues.
        policy.parameters.cardsPerCompanyClient = 10_000
        let core = try Core(dataDirectory: directory + "/data", policy: policy)
        let service = Actor(account: try core.accounts.addAccount(name: "cs", role: .customerService, by: .system))
        let client = try core.registry.addClient(
            NewClient(kind: .company, name: "压测公司 Bench Co", creditCode: "91110108MA01ABCD1E"), by: service)
        let today = core.today
        _ = try core.registry.addContract(
            NewContract(
                number: "BENCH-1", clientId: client.id, startsOn: today.description,
                endsOn: today.adding(days: 365).description, racks: ["A01"], serverQuota: 10), by: service)
        _ = try core.registry.activateContract("BENCH-1", by: service)
        let photo = directory + "/photo.png"
        try Data(try GrayscalePNG.encode([UInt8](repeating: 0x80, count: 120 * 160), width: 120, height: 160))
            .write(to: URL(fileURLWithPath: photo))
        let count = 200
        let people = try (0..<count).map { index in
            try core.registry.addPerson(
                NewPerson(
                    clientId: client.id, name: "员工\(index)", idType: "passport",
                    idNumber: "E\(String(format: "%08d", index))", phone: "13800000000", photoPath: photo,
                    idCopyPath: photo, letterPath: photo), by: service
            ).person
        }
        var times: [Double] = []
        for person in people {
            times.append(try Measure.milliseconds {
                let card = try core.cards.issueCard(personId: person.id, by: service)
                _ = try core.cards.renderBadge(try CardNumber(card.number), by: service).write(to: directory + "/badges/\(card.number)")
            })
        }
        print("cards issued: \(count), synchronous=FULL")
        print("median \(Measure.format(Measure.percentile(times, 0.5), 2)) ms, p90 \(Measure.format(Measure.percentile(times, 0.9), 2)) ms, max \(Measure.format(times.max() ?? 0, 2)) ms (aim median < 20 ms)")
    }
}
