import Foundation
import TestProcesses
import GRDB
import Testing

@testable import ColopassCore

/// The audit log (R4): one record per change, in the change's own transaction, hash-chained from
/// a genesis of zeros, personal numbers masked, append-only in SQLite, and a verifier that names
/// the first record that no longer matches.
@Suite struct AuditChainTests {
    /// A site where each kind of change has happened once, in a known order.
    private func busySite() throws -> TestSite {
        let site = try TestSite()
        let client = try site.company().client
        let person = try site.person(of: client.id)
        _ = try site.core.registry.departPerson(person.id, by: site.service)
        _ = try site.core.registry.suspendContract("HT-1", by: site.service)
        return site
    }

    // MARK: - One record per change

    @Test func everyStateChangeWritesExactlyOneRecord() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let admin = site.admin
        let core = site.core
        var clientID: Int64 = 0
        var personID: Int64 = 0
        let changes: [(action: String, entity: String, key: () -> String, run: () throws -> Void)] = [
            ("account.add", "account", { "gate1" }, { _ = try core.accounts.addAccount(name: "gate1", role: .guard, by: admin) }),
            ("client.add", "client", { String(clientID) }, {
                clientID = try core.registry.addClient(
                    NewClient(
                        kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E",
                        contacts: [NewContact(name: "李娜", phone: "13800000001")]),
                    by: service
                ).id
            }),
            ("contract.add", "contract", { "HT-1" }, {
                _ = try core.registry.addContract(
                    NewContract(
                        number: "HT-1", clientId: clientID, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A01"],
                        serverQuota: 2),
                    by: service)
            }),
            ("contract.activate", "contract", { "HT-1" }, { _ = try core.registry.activateContract("HT-1", by: service) }),
            ("person.add", "person", { String(personID) }, {
                personID = try core.registry.addPerson(
                    NewPerson(
                        clientId: clientID, name: "李娜", idType: "resident_id", idNumber: "110105198503121234",
                        phone: "13800000001", photoPath: TestSite.fixtures + "/photo.png"),
                    by: service
                ).person.id
            }),
            ("person.documents", "person", { String(personID) }, {
                _ = try core.registry.attachDocuments(
                    personId: personID, photoPath: nil, idCopyPath: TestSite.fixtures + "/id-copy.png",
                    letterPath: TestSite.fixtures + "/letter.pdf", by: service)
            }),
            ("person.depart", "person", { String(personID) }, { _ = try core.registry.departPerson(personID, by: service) }),
            ("contract.suspend", "contract", { "HT-1" }, { _ = try core.registry.suspendContract("HT-1", by: service) }),
            ("contract.terminate", "contract", { "HT-1" }, { _ = try core.registry.terminateContract("HT-1", by: service) }),
            ("account.disable", "account", { "gate1" }, { _ = try core.accounts.disableAccount("gate1", by: admin) }),
        ]

        for change in changes {
            let before = try site.count("audit_record")
            site.advance(hours: 1)

            // when
            try change.run()

            // then
            #expect(try site.count("audit_record") == before + 1, "\(change.action)")
            let record = try site.lastAudit()
            #expect(record.action == change.action)
            #expect(record.entity == change.entity, "\(change.action)")
            #expect(record.entityKey == change.key(), "\(change.action)")
            #expect(record.outcome == .done)
            #expect(record.clause == nil, "\(change.action)")
            #expect(record.actor == (change.entity == "account" ? "root" : "cs"), "\(change.action)")
            #expect(record.at == AuditLog.timestamp(site.now), "\(change.action)")
            let after = try #require(record.after, "\(change.action)")
            #expect(try JSONSerialization.jsonObject(with: Data(after.utf8)) is [String: Any])
            if change.action.hasSuffix(".add") {
                #expect(record.before == nil, "\(change.action)")
            } else {
                let before = try #require(record.before, "\(change.action)")
                #expect(try JSONSerialization.jsonObject(with: Data(before.utf8)) is [String: Any])
                #expect(before != after, "\(change.action)")
            }
        }
    }

    @Test func beforeAndAfterImagesShowTheChange() throws {
        // given
        let site = try TestSite()
        _ = try site.company()

        // when
        _ = try site.core.registry.suspendContract("HT-1", by: site.service)

        // then
        let record = try site.lastAudit()
        let before = try json(record.before)
        let after = try json(record.after)
        #expect(before["status"] as? String == "active")
        #expect(after["status"] as? String == "suspended")
        #expect(after["number"] as? String == "HT-1")
        #expect(after["ends_on"] as? String == "2026-12-31")
    }

    @Test func changeAndItsRecordCommitTogether() throws {
        // given: a trigger that makes writing one kind of audit record fail
        let site = try TestSite()
        let service = site.service
        try site.core.store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER test_fail_client_audit BEFORE INSERT ON audit_record
                WHEN NEW.action = 'client.add' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END
                """)
        }
        let before = try site.snapshot()

        // when
        #expect(throws: DatabaseError.self) {
            try site.core.registry.addClient(
                NewClient(
                    kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E",
                    contacts: [NewContact(name: "李娜", phone: "13800000001")]),
                by: service)
        }

        // then: no client, no contact, no record
        #expect(try site.snapshot() == before)
    }

    @Test func refusalIsRecordedAndTheChangeIsNot() throws {
        // given
        let site = try TestSite()
        _ = try site.company()
        let before = try site.snapshot()

        // when
        _ = coreError { try site.core.registry.activateContract("HT-1", by: site.service) }

        // then: exactly one new record, the refusal, and the chain still holds
        let record = try site.lastAudit()
        #expect(try site.count("audit_record") == before.rows["audit_record"]! + 1)
        #expect(record.outcome == .refused)
        #expect(record.clause == "D1.status")
        #expect(record.action == "contract.activate")
        #expect(record.actor == "cs")
        #expect(try site.core.audit.verifyAudit(by: site.admin).firstBreak == nil)
    }

    // MARK: - The chain

    @Test func recordsChainFromAGenesisOfZeros() throws {
        // given
        let site = try busySite()

        // when
        let trail = try site.auditTrail()

        // then
        #expect(trail.count == 7)
        #expect(AuditRecord.genesisHash == String(repeating: "0", count: 64))
        #expect(trail.first?.seq == 1)
        #expect(trail.first?.prevHash == AuditRecord.genesisHash)
        for (index, record) in trail.enumerated() {
            #expect(record.seq == Int64(index + 1))
            #expect(record.hash == record.computedHash, "record \(record.seq)")
            #expect(record.hash.count == 64)
            #expect(record.hash.allSatisfy { "0123456789abcdef".contains($0) })
            if index > 0 { #expect(record.prevHash == trail[index - 1].hash, "record \(record.seq)") }
        }
        #expect(Set(trail.map(\.hash)).count == trail.count)
    }

    @Test func hashCoversEveryField() throws {
        // given
        let site = try busySite()
        let record = try #require(try site.auditTrail().dropFirst(2).first)

        // when / then: changing any one field changes the hash
        var copy = record
        copy.actor = "mallory"
        #expect(copy.computedHash != record.hash)
        copy = record
        copy.at = "2020-01-01T00:00:00.000Z"
        #expect(copy.computedHash != record.hash)
        copy = record
        copy.after = (record.after ?? "") + " "
        #expect(copy.computedHash != record.hash)
        copy = record
        copy.before = record.before == nil ? "" : nil
        #expect(copy.computedHash != record.hash)
        copy = record
        copy.outcome = record.outcome == .done ? .refused : .done
        #expect(copy.computedHash != record.hash)
        copy = record
        copy.prevHash = AuditRecord.genesisHash
        #expect(copy.computedHash != record.hash)
        copy = record
        copy.clause = "C1"
        #expect(copy.computedHash != record.hash)
    }

    @Test func verifyIsIntactOnAFreshChain() throws {
        // given
        let site = try busySite()
        let admin = site.admin
        let count = try site.count("audit_record")

        // when
        let result = try site.core.audit.verifyAudit(by: admin)

        // then: every record checked
        #expect(result.firstBreak == nil)
        #expect(result.checked == count)
    }

    @Test func verifyIsIntactOnAnEmptyLog() throws {
        // given
        let site = try TestSite()

        // when
        let result = try site.core.store.pool.read { db in try AuditLog.verify(db) }

        // then
        #expect(result.checked == 0)
        #expect(result.firstBreak == nil)
    }

    // MARK: - Personal data

    @Test func auditImagesMaskIDNumbers() throws {
        // given: an individual client and people with ID numbers, added, changed and departed
        let site = try TestSite()
        let individual = try site.individual(idNumber: "320106198802155675").client
        let company = try site.company().client
        let li = try site.person(of: company.id)
        let wang = try site.person(of: company.id, name: "王强", idNumber: "11010519491231002X", documents: false)
        _ = try site.core.registry.attachDocuments(
            personId: wang.id, photoPath: TestSite.fixtures + "/photo.png", idCopyPath: nil, letterPath: nil,
            by: site.service)
        _ = try site.core.registry.departPerson(li.id, by: site.service)
        _ = coreError { try site.person(of: company.id, name: "王强", idNumber: "11010519491231002X") }
        _ = try site.person(of: individual.id, name: "张伟", idNumber: "320106198802155675", documents: false)

        // when
        let rows = try site.core.store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_record") }
        let everything = rows.map { row in
            row.columnNames.map { (row[$0] as DatabaseValue).description }.joined(separator: "|")
        }.joined(separator: "\n")

        // then: no full number anywhere in the audit table …
        for number in ["320106198802155675", "110105198503121234", "11010519491231002X", "11010519491231002x"] {
            #expect(!everything.contains(number), "\(number) appears in the audit log")
        }
        // … but the masked form, so an auditor can still tell the records apart
        #expect(everything.contains("**************5675"))
        #expect(everything.contains("**************1234"))
        #expect(everything.contains("**************002X"))
        // and the registry itself keeps the whole number for the roles that need it
        #expect(try site.core.registry.person(li.id, by: site.service).person.idNumber == "110105198503121234")
    }

    // MARK: - Tampering

    @Test func changedRecordIsNamedByVerify() throws {
        // given: a closed site whose database is edited with the sqlite3 shell
        let site = try busySite()
        let admin = site.admin
        #expect(try site.core.audit.verifyAudit(by: admin).firstBreak == nil)

        // when
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_update;
            UPDATE audit_record SET actor='mallory' WHERE seq=3;
            """)

        // then
        #expect(try site.auditTrail()[2].actor == "mallory", "the edit reached the database")
        let result = try site.core.audit.verifyAudit(by: admin)
        let broken = try #require(result.firstBreak)
        #expect(broken.seq == 3)
        #expect(broken.reason.contains("hash"))
        #expect(broken.description.contains("3"))
    }

    @Test func changedByteInAnImageIsNamedByVerify() throws {
        // given
        let site = try busySite()
        let admin = site.admin
        let target = try #require(try site.auditTrail().first { $0.action == "person.add" })

        // when: one character of the after image changed
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_update;
            UPDATE audit_record SET "after" = replace("after", '李娜', '李那') WHERE seq=\(target.seq);
            """)

        // then
        #expect(try site.auditTrail()[Int(target.seq) - 1].after != target.after, "the edit reached the database")
        #expect(try site.core.audit.verifyAudit(by: admin).firstBreak?.seq == target.seq)
    }

    @Test func rehashedRecordBreaksTheNextLink() throws {
        // given: a forger who also recomputes the hash of the record they changed
        let site = try busySite()
        let admin = site.admin
        var forged = try #require(try site.auditTrail().first { $0.seq == 3 })
        forged.actor = "mallory"
        forged.hash = forged.computedHash

        // when
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_update;
            UPDATE audit_record SET actor='mallory', hash='\(forged.hash)' WHERE seq=3;
            """)

        // then: record 3 is self-consistent, so the break shows at record 4
        let broken = try #require(try site.core.audit.verifyAudit(by: admin).firstBreak)
        #expect(broken.seq == 4)
        #expect(broken.reason.contains("link"))
    }

    @Test func deletedMiddleRecordIsNamedByVerify() throws {
        // given
        let site = try busySite()
        let admin = site.admin
        let total = try site.count("audit_record")

        // when
        try sqlite3(site, """
            DROP TRIGGER audit_record_no_delete;
            DELETE FROM audit_record WHERE seq=4;
            """)

        // then
        #expect(try site.count("audit_record") == total - 1, "the edit reached the database")
        let broken = try #require(try site.core.audit.verifyAudit(by: admin).firstBreak)
        #expect(broken.seq == 4)
        #expect(broken.reason.contains("missing"))
    }

    @Test func updateThroughTheStoreIsRejectedByTheTrigger() throws {
        // given
        let site = try busySite()
        let original = try site.auditTrail()

        // when
        let update = #expect(throws: DatabaseError.self) {
            try site.core.store.pool.write { db in
                try db.execute(sql: "UPDATE audit_record SET actor = 'mallory' WHERE seq = 3")
            }
        }
        let delete = #expect(throws: DatabaseError.self) {
            try site.core.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_record WHERE seq = 3") }
        }

        // then
        #expect(update?.message?.contains("append-only") == true)
        #expect(delete?.message?.contains("append-only") == true)
        #expect(try site.auditTrail() == original)
    }

    // MARK: - Helpers

    private func json(_ text: String?) throws -> [String: Any] {
        let text = try #require(text)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Runs SQL with the `sqlite3` shell on the site's database file, as an intruder would.
    private func sqlite3(_ site: TestSite, _ sql: String) throws {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [site.core.store.path, sql]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(process.terminationStatus == 0, "sqlite3 failed: \(message)")
    }
}
