import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// A gate's full snapshot reads cards in batches; what it carries must be exactly what the
/// one-by-one reading (the gate's own status rule's input) gives, batch edges included.
@Suite("Gate snapshot: batched reading")
struct SnapshotBatchTests {
    @Test func batchedEntriesEqualOneByOneAcrossBatchEdgesAndKinds() throws {
        let site = try TestSite()
        let company = try site.company()
        let other = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        var cards: [Card] = []
        for (index, id) in TestSite.residentIDs.prefix(4).enumerated() {
            let client = index < 2 ? company.client.id : other.client.id
            let person = try site.person(of: client, name: "员工\(index)", idNumber: id)
            cards.append(try site.core.cards.issueCard(personId: person.id, by: site.service))
        }
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[1].number), by: site.service)
        try site.core.store.pool.read { db in
            let keys = try Row.fetchAll(db, sql: "SELECT DISTINCT kind, credential_id FROM gate_change ORDER BY credential_id DESC")
                .map { (CredentialKind(rawValue: $0["kind"])!, $0["credential_id"] as Int64) }
            #expect(keys.count == 4)
            let oneByOne = try keys.compactMap { try GateEntries.entry(kind: $0.0, id: $0.1, in: db) }
                .sorted { $0.credentialId < $1.credentialId }
            for size in [1, 3, 500] {
                let batched = try GateEntries.entries(keys, in: db, batchSize: size)
                #expect(batched == oneByOne, "batch size \(size)")
            }
            #expect(oneByOne.filter { $0.state == .lost }.count == 1)
        }
    }
}
