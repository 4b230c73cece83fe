import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// R4: the chain's head, signed with the site key and kept outside the database (a file beside
/// it, a gate's copy), shows a deleted tail or a database put back to an older copy.
@Suite struct AuditCheckpointTests {
    @Test func R4_checkpointSignsTheHeadInTheDatabaseAndTheFile() throws {
        // given
        let site = try AuditTamperTests.busySite()
        let head = try site.lastAudit()

        // when
        let signed = try #require(try site.core.audit.signCheckpoint())
        let again = try site.core.audit.signCheckpoint()

        // then: the newest record (or the key's creation after it) is signed, once
        #expect(signed.seq >= head.seq)
        #expect(try site.lastAudit().seq == signed.seq)
        #expect(signed.hash == (try site.lastAudit().hash))
        #expect(again == nil, "the head did not move: nothing new to sign")
        let key = try #require(try site.core.store.pool.read { db in try site.core.keyring.publicKey(signed.keyId, in: db) })
        #expect(signed.isSigned(by: key))
        var forged = signed
        forged.seq += 1
        #expect(!forged.isSigned(by: key))
        let file = try String(contentsOfFile: site.core.audit.checkpointFilePath, encoding: .utf8)
        #expect(AuditCheckpoint.parse(file).checkpoints == [signed])
        #expect(try site.count("audit_checkpoint") == 1)
    }

    @Test func R4_verifySignsAnIntactHead() throws {
        let site = try AuditTamperTests.busySite()
        let result = try site.core.audit.verifyAudit(by: site.admin)
        #expect(result.intact)
        #expect(result.signed?.seq == (try site.lastAudit().seq))
        let next = try site.core.audit.verifyAudit(by: site.admin)
        #expect(next.anchor == result.signed)
        #expect(next.checkpointsChecked == 1)
    }

    @Test func R4_deletedLastRecordIsNamedAsMissing() throws {
        // given: a verified, signed chain
        let site = try AuditTamperTests.busySite()
        let signed = try #require(try site.core.audit.verifyAudit(by: site.admin).signed)

        // when: the newest record deleted, triggers dropped
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_delete;
            DELETE FROM audit_record WHERE seq = \(signed.seq);
            """)

        // then
        let result = try site.core.audit.verifyAudit(by: site.admin)
        let broken = try #require(result.firstBreak)
        #expect(broken.seq == signed.seq)
        #expect(broken.reason.contains("missing"))
        #expect(result.signed == nil)
    }

    @Test func R4_deletedTailIsNamedEvenWithTheDatabaseCheckpointsGone() throws {
        // given: a signed chain; the intruder deletes the tail and the database's checkpoints
        let site = try AuditTamperTests.busySite()
        let signed = try #require(try site.core.audit.verifyAudit(by: site.admin).signed)
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_delete;
            DROP TRIGGER audit_checkpoint_no_delete;
            DELETE FROM audit_record WHERE seq >= \(signed.seq - 2);
            DELETE FROM audit_checkpoint;
            """)

        // when / then: the file beside the database still has it
        let result = try site.core.audit.verifyAudit(by: site.admin)
        #expect(result.firstBreak?.seq == signed.seq - 2)
        #expect(result.firstBreak?.reason.contains("\(signed.seq - 2)–\(signed.seq)") == true)

        // and with the file gone too, a gate's copy (`--checkpoint`) still has it
        try FileManager.default.removeItem(atPath: site.core.audit.checkpointFilePath)
        let unanchored = try site.core.audit.verifyAudit(by: site.admin, sign: false)
        #expect(unanchored.firstBreak == nil, "nothing outside the chain left: a cut chain looks whole")
        let fromGate = try site.core.audit.verifyAudit(by: site.admin, extra: [("gate A", signed.line + "\n")])
        #expect(fromGate.firstBreak?.seq == signed.seq - 2)
    }

    @Test func R4_olderCopyOfTheDatabaseIsNamedAsARollback() throws {
        // given: a copy of the database taken through SQLite's online backup …
        let site = try AuditTamperTests.busySite()
        let old = site.directory + "/older.sqlite"
        try site.core.store.pool.backup(to: try DatabaseQueue(path: old))
        let copied = try site.lastAudit().seq
        // … then more work, and a verify that signs the newer head
        _ = try site.core.registry.activateContract("HT-1", by: site.service)
        _ = try site.core.accounts.addAccount(name: "later", role: .guard, by: site.admin)
        let signed = try #require(try site.core.audit.verifyAudit(by: site.admin).signed)
        #expect(signed.seq > copied)

        // when: the older copy is put in place of the database
        let path = site.core.store.path
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: old, toPath: path)
        let reopened = try Core(dataDirectory: site.directory, policy: try TestSite.shippedPolicy(), clock: .system)

        // then
        let result = try reopened.audit.verifyAudit(by: site.admin)
        let broken = try #require(result.firstBreak)
        #expect(broken.seq == copied + 1)
        #expect(broken.reason.contains("\(copied + 1)–\(signed.seq)"))
        #expect(!result.intact)
    }

    @Test func R4_forgedCheckpointIsNotTrusted() throws {
        // given
        let site = try AuditTamperTests.busySite()
        var forged = try #require(try site.core.audit.verifyAudit(by: site.admin).signed)
        forged.seq += 5

        // when
        let result = try site.core.audit.verifyAudit(by: site.admin, extra: [("gate B", forged.line)])

        // then: not held against the chain, but reported
        #expect(result.firstBreak == nil)
        #expect(result.rejectedCheckpoints.count == 1)
        #expect(result.rejectedCheckpoints.first?.contains("signature") == true)
        #expect(!result.intact)
    }
}
