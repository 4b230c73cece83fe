import Foundation
import GRDB
import Synchronization
import Testing

@testable import ColopassCore

/// R4: a backup is a consistent copy of a running site, and a restore takes nothing that does
/// not match its manifest, into nothing but an empty directory.
@Suite struct BackupTests {
    @Test func R4_backupWhileWritingKeepsEveryAcknowledgedWrite() throws {
        // given: a site with documents, and a writer adding 1,000 accounts one transaction each
        let site = try TestSite()
        let client = try site.company().client
        _ = try site.person(of: client.id)
        let admin = site.admin
        let acknowledged = Mutex<[String]>([])
        let writer = Thread {
            for index in 1...1000 {
                let name = "w\(index)"
                if (try? site.core.accounts.addAccount(name: name, role: .guard, by: admin)) != nil {
                    acknowledged.withLock { $0.append(name) }
                }
            }
        }
        writer.start()
        while acknowledged.withLock({ $0.count }) < 200 { Thread.sleep(forTimeInterval: 0.005) }

        // when: a backup starts while the writer runs, and is restored elsewhere
        let before = acknowledged.withLock { $0 }
        let out = site.directory + "-backup"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try site.core.backup.take(to: out, withKeys: false, by: admin)
        let during = acknowledged.withLock { $0.count }
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let restored = site.directory + "-restored"
        defer { try? FileManager.default.removeItem(atPath: restored) }
        let result = try SiteBackup.restore(from: out, into: restored, policy: try TestSite.shippedPolicy())

        // then: every write acknowledged before the backup began is in the copy
        #expect(during < 1000, "the backup ran while the writer did (\(during) acknowledged when it ended)")
        let copy = try Core(dataDirectory: restored, policy: try TestSite.shippedPolicy(), clock: .system)
        let names = try copy.store.pool.read { db in try Set(String.fetchAll(db, sql: "SELECT name FROM account")) }
        #expect(before.allSatisfy(names.contains), "missing: \(before.filter { !names.contains($0) }.prefix(5))")
        #expect(result.auditSeq == summary.auditSeq)
        #expect(try copy.audit.verifyAudit(by: .system, sign: false).intact)
        // the documents came along, the keys did not
        let documents = try FileManager.default.subpathsOfDirectory(atPath: restored + "/documents")
        #expect(documents.contains { $0.count > 60 })
        #expect(!FileManager.default.fileExists(atPath: restored + "/keys"))
        // and the backup is in the audit log it carries
        #expect(try copy.audit.auditRecords(entity: "backup", by: .system).count == 1)
    }

    @Test func R4_keysOnlyWithKeysAndWritten0600() throws {
        // given: a site whose first key exists (a signed checkpoint made it)
        let site = try AuditTamperTests.busySite()
        _ = try site.core.audit.signCheckpoint()
        let out = site.directory + "-keys"
        defer { try? FileManager.default.removeItem(atPath: out) }

        // when
        let summary = try site.core.backup.take(to: out, withKeys: true, by: site.admin)

        // then
        #expect(summary.withKeys)
        let key = out + "/keys/signing-1.key"
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let restored = site.directory + "-keys-restored"
        defer { try? FileManager.default.removeItem(atPath: restored) }
        _ = try SiteBackup.restore(from: out, into: restored, policy: try TestSite.shippedPolicy())
        let restoredKey = try FileManager.default.attributesOfItem(atPath: restored + "/keys/signing-1.key")
        #expect((restoredKey[.posixPermissions] as? Int) == 0o600)
    }

    @Test func R4_aChangedFileIsRefused() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // when: one document's bytes changed
        let document = try #require(
            try FileManager.default.subpathsOfDirectory(atPath: out + "/documents").first { $0.count > 60 })
        let handle = try #require(FileHandle(forWritingAtPath: out + "/documents/" + document))
        try handle.seek(toOffset: 10)
        handle.write(Data([0x00, 0x01]))
        try handle.close()
        // then
        try expectRefused(from: out, site, mentioning: document)
    }

    @Test func R4_aTamperedManifestIsRefused() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // when: the manifest's hash of the database edited
        let manifestPath = out + "/manifest.json"
        var text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let database = try #require(BackupManifest.read(Data(text.utf8))?.files.first { $0.path == "colopass.sqlite" })
        text = text.replacingOccurrences(of: database.sha256, with: String(repeating: "0", count: 64))
        try text.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        // then
        try expectRefused(from: out, site, mentioning: "colopass.sqlite")
    }

    @Test func R4_aFileTheManifestDoesNotNameIsRefused() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        FileManager.default.createFile(atPath: out + "/documents/extra", contents: Data("x".utf8))
        try expectRefused(from: out, site, mentioning: "documents/extra")
    }

    @Test func R4_aBrokenAuditChainInTheBackupIsRefused() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // when: the copied database edited and the manifest made to match it
        try sqlite3(path: out + "/colopass.sqlite", """
            DROP TRIGGER audit_record_no_update;
            UPDATE audit_record SET actor = 'mallory' WHERE seq = 2;
            """)
        let manifestPath = out + "/manifest.json"
        var text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let database = try #require(BackupManifest.read(Data(text.utf8))?.files.first { $0.path == "colopass.sqlite" })
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/colopass.sqlite"))
        text = text.replacingOccurrences(of: database.sha256, with: SHA256.hex(Array(bytes)))
            .replacingOccurrences(of: "\"size\" : \(database.size)", with: "\"size\" : \(bytes.count)")
        try text.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        // then
        let target = site.directory + "-chain"
        let error = #expect(throws: CoreError.self) {
            try SiteBackup.restore(from: out, into: target, policy: try TestSite.shippedPolicy())
        }
        guard case .refused(let refusal) = error else { Issue.record("not a refusal: \(String(describing: error))"); return }
        #expect(refusal.clause == Clause(R4.chain))
        #expect(refusal.reason.en.contains("record 2"))
        #expect(!FileManager.default.fileExists(atPath: target), "nothing left behind")
    }

    @Test func R4_restoreRefusesANonEmptyTarget() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let error = #expect(throws: CoreError.self) {
            try SiteBackup.restore(from: out, into: site.directory, policy: try TestSite.shippedPolicy())
        }
        guard case .invalidInput(let field, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(field == "data-dir")
        #expect(FileManager.default.fileExists(atPath: site.directory + "/colopass.sqlite"), "the target is untouched")
    }

    @Test func R4_backupIsAnAdminsJob() throws {
        let site = try AuditTamperTests.busySite()
        let error = #expect(throws: CoreError.self) {
            try site.core.backup.take(to: site.directory + "-no", withKeys: false, by: site.service)
        }
        guard case .refused(let refusal) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(refusal.clause.id == .R1)
        #expect(!FileManager.default.fileExists(atPath: site.directory + "-no"))
    }

    @Test func R4_aBackupRewrittenWithItsManifestIsRefusedByTheSignature() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // when: a document replaced and the manifest's hash and size made to match it
        let document = try #require(
            try FileManager.default.subpathsOfDirectory(atPath: out + "/documents").first { $0.count > 60 })
        let manifestPath = out + "/manifest.json"
        var text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let entry = try #require(BackupManifest.read(Data(text.utf8))?.files.first { $0.path == "documents/" + document })
        let forged = Data("forged letter".utf8)
        try forged.write(to: URL(fileURLWithPath: out + "/documents/" + document))
        // (a document's path is its hash: only the hash field is rewritten)
        text = text.replacingOccurrences(of: "\"sha256\" : \"\(entry.sha256)\"", with: "\"sha256\" : \"\(SHA256.hex(Array(forged)))\"")
            .replacingOccurrences(of: "\"size\" : \(entry.size)", with: "\"size\" : \(forged.count)")
        try text.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        // then
        try expectRefused(from: out, site, mentioning: "signature")
    }

    @Test func R4_anUnsignedBackupIsRefused() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.removeItem(atPath: out + "/" + BackupSignature.fileName)
        try expectRefused(from: out, site, mentioning: "no site signature")
    }

    @Test func R4_theSignatureIsCheckedAgainstTheSitesPublicKeyFile() throws {
        let (site, out) = try backedUp()
        defer { try? FileManager.default.removeItem(atPath: out) }
        // the site's own exported keys: restored, and said so
        let restored = site.directory + "-signed"
        defer { try? FileManager.default.removeItem(atPath: restored) }
        let summary = try SiteBackup.restore(
            from: out, into: restored, policy: try TestSite.shippedPolicy(), publicKeys: try site.core.credentials.publicKeyExport())
        #expect(summary.keyFromFile && summary.signedBy == 1)
        // another site's keys (same code, its own key 1): the signature does not verify under them
        let other = try AuditTamperTests.busySite()
        _ = try other.core.audit.signCheckpoint()
        let target = site.directory + "-other-keys"
        let error = #expect(throws: CoreError.self) {
            try SiteBackup.restore(
                from: out, into: target, policy: try TestSite.shippedPolicy(), publicKeys: try other.core.credentials.publicKeyExport())
        }
        guard case .refused(let refusal) = error else { Issue.record("not a refusal: \(String(describing: error))"); return }
        #expect(refusal.clause == Clause(R4.backup) && refusal.reason.en.contains("signature"))
        #expect(!FileManager.default.fileExists(atPath: target), "nothing left behind")
    }

    // MARK: - Helpers

    private func backedUp() throws -> (TestSite, String) {
        let site = try AuditTamperTests.busySite()
        let out = site.directory + "-backup"
        _ = try site.core.backup.take(to: out, withKeys: false, by: site.admin)
        return (site, out)
    }

    private func expectRefused(from out: String, _ site: TestSite, mentioning text: String) throws {
        let target = site.directory + "-target"
        let error = #expect(throws: CoreError.self) {
            try SiteBackup.restore(from: out, into: target, policy: try TestSite.shippedPolicy())
        }
        guard case .refused(let refusal) = error else { Issue.record("not a refusal: \(String(describing: error))"); return }
        #expect(refusal.clause == Clause(R4.backup))
        #expect(refusal.reason.en.contains(text), "\(refusal.reason.en)")
        #expect(!FileManager.default.fileExists(atPath: target), "nothing left behind")
    }
}
