import Foundation
import TestProcesses
import GRDB
import Testing

@testable import ColopassCore

/// R4: whatever column of whatever record an intruder edits, `audit verify` names that record,
/// and the audit list still answers (the edited row marked), never a raw decoding error.
@Suite struct AuditTamperTests {
    static let columns = [
        "seq", "at", "actor", "action", "entity", "entity_key", "before", "after", "clause", "outcome", "prev_hash",
        "hash", "credential",
    ]

    @Test func R4_anySingleColumnOfAnyRecordChangedIsNamed() throws {
        // given: a seeded generator, so a failing trial can be replayed
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var random = SplitMix64(seed: seed)
        for trial in 1...20 {
            let site = try Self.busySite()
            let trail = try site.auditTrail()
            let target = trail[Int(random.next() % UInt64(trail.count))]
            let column = Self.columns[Int(random.next() % UInt64(Self.columns.count))]
            let asBytes = random.next() % 4 == 0
            let context = "seed \(seed), trial \(trial): record \(target.seq), column \(column), bytes \(asBytes)"

            // when: one column of one record edited in the file, triggers dropped
            let newValue: String
            switch column {
            case "seq": newValue = "seq + 1000"
            case "outcome": newValue = asBytes ? "CAST('refusedx' AS BLOB)" : "'overruled'"
            default:
                let edited = "COALESCE(\"\(column)\", '') || 'x'"
                newValue = asBytes ? "CAST(\(edited) AS BLOB)" : edited
            }
            try sqlite3(site, """
                DROP TRIGGER audit_record_no_update;
                UPDATE audit_record SET "\(column)" = \(newValue) WHERE seq = \(target.seq);
                """)

            // then: verify names the record …
            let result = try site.core.audit.verifyAudit(by: site.admin, sign: false)
            let broken = try #require(result.firstBreak, "\(context): not detected")
            #expect(broken.seq == target.seq, "\(context): named \(broken)")
            #expect(!result.intact)
            // … and the list answers, marking the edited row
            let listed = try site.core.audit.auditRecords(limit: 10_000, by: site.admin)
            #expect(listed.count == trail.count, "\(context)")
            #expect(listed.filter(\.tampered).count == 1, "\(context): \(listed.filter(\.tampered).map(\.seq))")
        }
    }

    @Test func R4_unknownOutcomeIsListedAsTamperedNotAnError() throws {
        // given
        let site = try Self.busySite()
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_update;
            UPDATE audit_record SET outcome = 'overruled' WHERE seq = 2;
            """)

        // when
        let listed = try site.core.audit.auditRecords(by: site.admin)
        let result = try site.core.audit.verifyAudit(by: site.admin)

        // then
        #expect(listed.first { $0.seq == 2 }?.outcome == "overruled")
        #expect(listed.first { $0.seq == 2 }?.tampered == true)
        #expect(listed.filter(\.tampered).map(\.seq) == [2])
        #expect(result.firstBreak?.seq == 2)
        #expect(result.signed == nil, "a broken chain is never signed")
    }

    @Test func R4_intactChainIsListedUntampered() throws {
        let site = try Self.busySite()
        let listed = try site.core.audit.auditRecords(by: site.admin)
        #expect(!listed.isEmpty)
        #expect(listed.allSatisfy { !$0.tampered })
        #expect(listed.map(\.seq) == listed.map(\.seq).sorted())
    }

    static func busySite() throws -> TestSite {
        let site = try TestSite()
        _ = site.admin  // made now, so no later record of its making comes after an edit
        let client = try site.company().client
        let person = try site.person(of: client.id)
        _ = try site.core.registry.departPerson(person.id, by: site.service)
        _ = try site.core.registry.suspendContract("HT-1", by: site.service)
        return site
    }
}

/// A small seeded generator (SplitMix64): the trials are random, and replayable from the seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs SQL with the `sqlite3` shell on a site's database file, as an intruder would.
func sqlite3(_ site: TestSite, _ sql: String) throws {
    try sqlite3(path: site.core.store.path, sql)
}

func sqlite3(path: String, _ sql: String) throws {
    let process = ChildProcess()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    try #require(process.terminationStatus == 0, "sqlite3 failed: \(message)")
}
