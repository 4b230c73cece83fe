import ColopassCore
import Foundation
import GRDB
import GateCheck
import Testing

/// A gate older than its service must not guess: any value in the replica it does not know
/// denies with G1.newer ("replica written by a newer service; update gate-check").
@Suite("Fail secure on values a newer service wrote (G1.newer)")
struct UnknownReplicaValueTests {
    /// A card synced to the gate, then one column of its replica row overwritten.
    func cardWith(_ column: String, _ value: String) throws -> (GateSite, Card) {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        try site.replica.pool.write { db in
            try db.execute(
                sql: "UPDATE entry SET \(column) = ? WHERE credential_id = ?", arguments: [value, card.id])
        }
        return (site, card)
    }

    @Test(arguments: [
        ("state", "paused"), ("contract_status", "on_hold"), ("stopped_under", "C11"), ("slip_purpose", "loan"),
    ])
    func unknownValueDeniesG1Newer(_ column: String, _ value: String) throws {
        // given: an active card whose row carries a value this build does not know
        let (site, card) = try cardWith(column, value)

        // when
        let decision = try site.desk().decide(card.credential)

        // then: denied, naming the clause and asking for an update
        #expect(decision.denyReason == .replicaNewer)
        #expect(decision.denyReason?.clause.code == "G1.newer")
        #expect(GateDisplay.text(decision, color: false).contains("update gate-check"))
    }

    @Test func unknownRuleDeniesEveryScanG1Newer() throws {
        // given: rules from a newer service with an anti-passback mode this build lacks
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        try site.replica.pool.write { db in
            let rules = try #require(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rules'"))
            let newer = rules.replacingOccurrences(of: "\"antiPassback\":\"warn\"", with: "\"antiPassback\":\"escort\"")
            #expect(newer != rules)
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'rules'", arguments: [newer])
        }

        // when / then
        #expect(try site.desk().decide(card.credential).denyReason == .replicaNewer)
    }

    @Test func unknownValueInASnapshotIsKeptAsWrittenAndDenies() throws {
        // given: an entry as a newer service would send it
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let entry = try #require(try site.replica.entry(kind: .accessCard, id: UInt32(card.id)))
        var json = String(decoding: try SignedSnapshot.encoder().encode(entry), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"state\":\"active\"", with: "\"state\":\"paused\"")

        // when: this build reads it and writes it on
        let read = try SignedSnapshot.decoder().decode(GateEntry.self, from: Data(json.utf8))
        let again = String(decoding: try SignedSnapshot.encoder().encode(read), as: UTF8.self)

        // then: the unknown state is kept, never read as active, and the credential is denied
        #expect(read.unknownValues == ["state": "paused"])
        #expect(again.contains("\"state\":\"paused\""))
        #expect(read.status(at: site.now, timeZone: .current).unknownValue == "state=paused")
        #expect(card.id == Int64(read.credentialId))
    }
}
