import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// A client's maintenance staff: validated ID documents, one active registration per document
/// and client, departures kept as history, scans stored by their SHA-256.
@Suite struct PersonTests {
    private func newPerson(
        _ client: Int64, name: String = "李娜", idType: String = "resident_id",
        idNumber: String = "110105198503121234", phone: String = "13800000001", photo: String? = nil,
        idCopy: String? = nil, letter: String? = nil
    ) -> NewPerson {
        NewPerson(
            clientId: client, name: name, idType: idType, idNumber: idNumber, phone: phone, photoPath: photo,
            idCopyPath: idCopy, letterPath: letter)
    }

    private func bareClient(_ site: TestSite) throws -> Client {
        try site.core.registry.addClient(
            NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E"), by: site.service)
    }

    // MARK: - Registering

    @Test func personOfClientWithContractInForceIsNotFlagged() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client

        // when
        let view = try site.core.registry.addPerson(newPerson(client.id), by: site.service)

        // then
        #expect(view.clientHasContractInForce)
        #expect(view.person.status == .active)
        #expect(view.person.name == "李娜")
        #expect(view.person.idType == .residentID)
        #expect(view.person.idNumber == "110105198503121234")
        #expect(view.person.maskedIDNumber == "**************1234")
        #expect(view.person.createdAt == site.now)
    }

    @Test func personOfClientWithoutContractIsRegisteredButFlagged() throws {
        // given: a client with no contract at all
        let site = try TestSite()
        let client = try bareClient(site)

        // when
        let view = try site.core.registry.addPerson(newPerson(client.id), by: site.service)

        // then
        #expect(view.clientHasContractInForce == false)
        #expect(try site.count("person") == 1)
        #expect(try site.core.registry.person(view.person.id, by: site.service).clientHasContractInForce == false)
        #expect(try site.core.registry.people(clientId: client.id, by: site.service).map(\.clientHasContractInForce) == [false])
    }

    @Test func personOfClientWithOnlyADraftOrSuspendedContractIsFlagged() throws {
        // given
        let site = try TestSite()
        let client = try bareClient(site)
        _ = try site.core.registry.addContract(
            NewContract(number: "HT-1", clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A01"], serverQuota: 1),
            by: site.service)

        // when: draft
        let underDraft = try site.core.registry.addPerson(newPerson(client.id), by: site.service)
        // when: suspended
        _ = try site.core.registry.activateContract("HT-1", by: site.service)
        let whileActive = try site.core.registry.person(underDraft.person.id, by: site.service)
        _ = try site.core.registry.suspendContract("HT-1", by: site.service)
        let whileSuspended = try site.core.registry.person(underDraft.person.id, by: site.service)

        // then
        #expect(underDraft.clientHasContractInForce == false)
        #expect(whileActive.clientHasContractInForce == true)
        #expect(whileSuspended.clientHasContractInForce == false)
    }

    @Test func flagFollowsTheClockPastTheEndOfTheTerm() throws {
        // given: in force today (2026-06-15), term until 2026-12-31
        let site = try TestSite()
        let client = try site.company().client
        let person = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person

        // when: the site clock reaches 2027-01-01 in Beijing
        site.now = ISO8601DateFormatter().date(from: "2026-12-31T16:00:00Z")!

        // then
        #expect(try site.core.registry.person(person.id, by: site.service).clientHasContractInForce == false)
    }

    @Test func duplicateActiveIDWithinTheSameClientIsRefusedD1Unique() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        _ = try site.core.registry.addPerson(newPerson(client.id), by: site.service)
        let peopleBefore = try site.count("person")
        let seq = try site.lastSeq()

        // when: the same number under another name
        let error = coreError {
            try site.core.registry.addPerson(newPerson(client.id, name: "李娜娜", phone: "13800000009"), by: site.service)
        }

        // then
        #expect(refusal(error)?.clause.code == "D1.unique")
        #expect(try site.count("person") == peopleBefore)
        let audited = try site.audit(after: seq)
        #expect(audited.map(\.outcome) == [.refused])
        #expect(audited.first?.action == "person.add")
        #expect(audited.first?.clause == "D1.unique")
    }

    @Test func sameIDUnderAnotherClientIsAccepted() throws {
        // given: one person may maintain servers for two clients
        let site = try TestSite()
        let first = try site.company().client
        let second = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2").client
        _ = try site.core.registry.addPerson(newPerson(first.id), by: site.service)

        // when
        let again = try site.core.registry.addPerson(newPerson(second.id), by: site.service)

        // then
        #expect(again.person.clientId == second.id)
        #expect(try site.count("person") == 2)
    }

    @Test func departedPersonMayBeRegisteredAgain() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let first = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person
        _ = try site.core.registry.departPerson(first.id, by: site.service)

        // when
        let again = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person

        // then
        #expect(again.id != first.id)
        #expect(try site.core.registry.people(clientId: client.id, by: site.service).map(\.person.status) == [.departed, .active])
    }

    // MARK: - Departing

    @Test func departedPeopleStayInHistory() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let li = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person
        let wang = try site.core.registry.addPerson(
            newPerson(client.id, name: "王强", idNumber: "310115199007042347", phone: "13800000003"), by: site.service
        ).person
        site.advance(hours: 5)

        // when
        let result = try site.core.registry.departPerson(li.id, by: site.service)

        // then
        #expect(result.person.status == .departed)
        #expect(result.person.departedAt == site.now)
        #expect(result.cancelledCards.isEmpty)
        let listed = try site.core.registry.people(clientId: client.id, by: site.service)
        #expect(listed.map(\.person.id) == [li.id, wang.id])
        #expect(listed.map(\.person.status) == [.departed, .active])
        let shown = try site.core.registry.person(li.id, by: site.service).person
        #expect(shown.status == .departed)
        #expect(shown.name == "李娜")
        #expect(shown.departedAt == site.now)
        #expect(try site.count("person") == 2)
    }

    @Test func departingTwiceIsRefusedC5Departed() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let person = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person
        let departed = try site.core.registry.departPerson(person.id, by: site.service).person
        site.advance(hours: 1)
        let seq = try site.lastSeq()

        // when
        let error = coreError { try site.core.registry.departPerson(person.id, by: site.service) }

        // then: refused, audited, and the first departure time is kept
        #expect(refusal(error)?.clause.code == "C5.departed")
        #expect(try site.core.registry.person(person.id, by: site.service).person.departedAt == departed.departedAt)
        #expect(try site.audit(after: seq).map(\.outcome) == [.refused])
    }

    @Test func departingAnUnknownPersonIsNotFound() throws {
        // given
        let site = try TestSite()

        // when
        let error = coreError { try site.core.registry.departPerson(77, by: site.service) }

        // then
        #expect(error == .notFound(entity: "person", key: "77"))
    }

    // MARK: - Bad input changes nothing

    @Test func badIDNumberIsInvalidAndChangesNothing() throws {
        // given: a wrong check digit
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(
                newPerson(client.id, idNumber: "110105198503121235", photo: TestSite.fixtures + "/photo.png"),
                by: site.service)
        }

        // then
        #expect(invalidField(error) == "id_number")
        #expect(try site.snapshot() == before)
    }

    @Test func impossibleBirthDateIsInvalid() throws {
        // given: 1985-02-30 in an otherwise well-formed number
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError { try site.core.registry.addPerson(newPerson(client.id, idNumber: "110105198502301233"), by: site.service) }

        // then
        #expect(invalidField(error) == "id_number")
        #expect(try site.snapshot() == before)
    }

    @Test func badPassportNumberIsInvalid() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(newPerson(client.id, idType: "passport", idNumber: "12-34"), by: site.service)
        }

        // then
        #expect(invalidField(error) == "id_number")
        #expect(try site.snapshot() == before)
    }

    @Test func passportHolderIsRegistered() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client

        // when
        let person = try site.core.registry.addPerson(
            newPerson(client.id, name: "John Smith", idType: "passport", idNumber: "e12345678"), by: site.service
        ).person

        // then
        #expect(person.idType == .passport)
        #expect(person.idNumber == "E12345678")
    }

    @Test func unknownDocumentTypeIsInvalid() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError { try site.core.registry.addPerson(newPerson(client.id, idType: "driving_licence"), by: site.service) }

        // then
        #expect(invalidField(error) == "id_type")
        #expect(try site.snapshot() == before)
    }

    @Test func badPhoneIsInvalidAndChangesNothing() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(
                newPerson(client.id, phone: "138-not-a-number", photo: TestSite.fixtures + "/photo.png"), by: site.service)
        }

        // then
        #expect(invalidField(error) == "phone")
        #expect(try site.snapshot() == before)
    }

    @Test func emptyNameIsInvalid() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError { try site.core.registry.addPerson(newPerson(client.id, name: "  "), by: site.service) }

        // then
        #expect(invalidField(error) == "name")
        #expect(try site.snapshot() == before)
    }

    @Test func textFileAsPhotoIsInvalidAndChangesNothing() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(
                newPerson(client.id, photo: TestSite.fixtures + "/not-an-image.txt"), by: site.service)
        }

        // then
        #expect(invalidField(error) == "photo")
        #expect(try site.snapshot() == before)
    }

    @Test func textFileAsIDCopyIsInvalidAfterAGoodPhoto() throws {
        // given: a good photo first, so a half-done write would show
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(
                newPerson(
                    client.id, photo: TestSite.fixtures + "/photo.png", idCopy: TestSite.fixtures + "/not-an-image.txt",
                    letter: TestSite.fixtures + "/letter.pdf"),
                by: site.service)
        }

        // then
        #expect(invalidField(error) == "id_copy")
        #expect(try site.snapshot() == before)
    }

    @Test func missingLetterFileIsInvalid() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(newPerson(client.id, letter: site.directory + "/no-such-letter.pdf"), by: site.service)
        }

        // then
        #expect(invalidField(error) == "letter")
        #expect(try site.snapshot() == before)
    }

    @Test func oversizeScanIsInvalidAndChangesNothing() throws {
        // given: a policy allowing 1 KiB uploads, and a 2 KiB "PNG"
        var policy = try TestSite.shippedPolicy()
        policy.parameters.uploadMaxBytes = 1024
        let site = try TestSite(policy: policy)
        let client = try site.company().client
        let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let large = try site.scratchFile("large.png", bytes: pngSignature + [UInt8](repeating: 0, count: 2040))
        let fits = try site.scratchFile("fits.png", bytes: pngSignature + [UInt8](repeating: 0, count: 1016))
        let before = try site.snapshot()

        // when
        let error = coreError { try site.core.registry.addPerson(newPerson(client.id, photo: large), by: site.service) }

        // then
        #expect(invalidField(error) == "photo")
        #expect(try site.snapshot() == before)
        // and a file of exactly the limit is accepted
        let accepted = try site.core.registry.addPerson(newPerson(client.id, photo: fits), by: site.service).person
        #expect(accepted.photo != nil)
    }

    @Test func unknownClientIsNotFoundAndChangesNothing() throws {
        // given
        let site = try TestSite()
        _ = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addPerson(newPerson(404, photo: TestSite.fixtures + "/photo.png"), by: site.service)
        }

        // then
        #expect(error == .notFound(entity: "client", key: "404"))
        #expect(try site.snapshot() == before)
    }

    // MARK: - Documents

    @Test func documentsAreStoredBySHA256UnderTheDataDirectory() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let fixtures = ["photo.png", "id-copy.png", "letter.pdf"].map { TestSite.fixtures + "/" + $0 }
        let expected = try fixtures.map { path in
            SHA256.hex(Array(try #require(FileManager.default.contents(atPath: path))))
        }

        // when
        let person = try site.core.registry.addPerson(
            newPerson(client.id, photo: fixtures[0], idCopy: fixtures[1], letter: fixtures[2]), by: site.service
        ).person

        // then: the person refers to each file by its hash
        #expect([person.photo, person.idCopy, person.letter] == expected)
        for hash in expected {
            let path = site.core.documents.path(of: hash)
            #expect(path.hasPrefix(site.directory + "/"), "stored under the data directory")
            #expect(path.hasSuffix("/\(hash.prefix(2))/\(hash)"))
            let content = try #require(FileManager.default.contents(atPath: path), "file \(path)")
            #expect(SHA256.hex(Array(content)) == (path as NSString).lastPathComponent)
        }
        // and the document table knows each file's type and size
        let rows = try site.core.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT sha256, media_type, size FROM document ORDER BY media_type")
        }
        #expect(rows.count == 3)
        let types = Dictionary(uniqueKeysWithValues: rows.map { ($0["sha256"] as String, $0["media_type"] as String) })
        #expect(types[expected[0]] == "image/png")
        #expect(types[expected[1]] == "image/png")
        #expect(types[expected[2]] == "application/pdf")
        #expect(site.storedFiles().count == 3)
    }

    @Test func sameScanIsStoredOnce() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let scan = TestSite.fixtures + "/letter.pdf"

        // when: two people bring the same letter
        let li = try site.core.registry.addPerson(newPerson(client.id, letter: scan), by: site.service).person
        let wang = try site.core.registry.addPerson(
            newPerson(client.id, name: "王强", idNumber: "310115199007042347", letter: scan), by: site.service
        ).person

        // then
        #expect(li.letter == wang.letter)
        #expect(try site.count("document") == 1)
        #expect(site.storedFiles().count == 1)
    }

    @Test func documentsCanBeAttachedLater() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let person = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person
        #expect(person.photo == nil)

        // when
        let updated = try site.core.registry.attachDocuments(
            personId: person.id, photoPath: TestSite.fixtures + "/photo.png", idCopyPath: nil, letterPath: nil,
            by: site.service)

        // then
        let photo = try #require(updated.photo)
        #expect(FileManager.default.fileExists(atPath: site.core.documents.path(of: photo)))
        #expect(updated.idCopy == nil)
        #expect(try site.core.registry.person(person.id, by: site.service).person.photo == photo)
    }

    @Test func attachingABadFileChangesNothing() throws {
        // given
        let site = try TestSite()
        let client = try site.company().client
        let person = try site.core.registry.addPerson(newPerson(client.id), by: site.service).person
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.attachDocuments(
                personId: person.id, photoPath: TestSite.fixtures + "/photo.png",
                idCopyPath: TestSite.fixtures + "/not-an-image.txt", letterPath: nil, by: site.service)
        }

        // then
        #expect(invalidField(error) == "id_copy")
        #expect(try site.snapshot() == before)
        #expect(try site.core.registry.person(person.id, by: site.service).person.photo == nil)
    }
}
