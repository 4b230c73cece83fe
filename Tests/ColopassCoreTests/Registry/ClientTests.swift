import Foundation
import Testing

@testable import ColopassCore

/// Hosting clients: companies by their unified social credit code, individuals by an ID
/// document, each with contact people. Bad input is refused before anything is written.
@Suite struct ClientTests {
    @Test func companyIsRegisteredWithItsCreditCodeAndContacts() throws {
        // given
        let site = try TestSite()
        let service = site.service

        // when
        let client = try site.core.registry.addClient(
            NewClient(
                kind: .company, name: " 北京云栈科技有限公司 ", creditCode: "91110108ma01abcd1e",
                contacts: [NewContact(name: "李娜", phone: "13800000001", email: "li.na@example.com")]),
            by: service)

        // then
        #expect(client.kind == .company)
        #expect(client.name == "北京云栈科技有限公司")
        #expect(client.creditCode == "91110108MA01ABCD1E")
        #expect(client.idNumber == nil)
        #expect(client.status == .active)
        let (stored, contacts) = try site.core.registry.client(client.id, by: service)
        #expect(stored == client)
        #expect(contacts.count == 1)
        #expect(contacts.first?.name == "李娜")
        #expect(contacts.first?.phone == "13800000001")
        #expect(contacts.first?.email == "li.na@example.com")
    }

    @Test func companyWithoutCreditCodeIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError { try site.core.registry.addClient(NewClient(kind: .company, name: "无照公司"), by: service) }

        // then
        #expect(invalidField(error) == "credit_code")
        #expect(try site.snapshot() == before)
    }

    @Test func companyWithWrongCheckCharacterIsInvalid() throws {
        // given: the last character of a valid code changed
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1F"), by: service)
        }

        // then
        #expect(invalidField(error) == "credit_code")
        #expect(try site.snapshot() == before)
    }

    @Test func companyWithShortCreditCodeIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(NewClient(kind: .company, name: "短码公司", creditCode: "91110108MA01"), by: service)
        }

        // then
        #expect(invalidField(error) == "credit_code")
        #expect(try site.snapshot() == before)
    }

    @Test func duplicateCreditCodeIsRefusedD1Unique() throws {
        // given
        let site = try TestSite()
        let service = site.service
        _ = try site.core.registry.addClient(
            NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E"), by: service)
        let clientsBefore = try site.count("client")
        let seq = try site.lastSeq()

        // when: the same code again, in lower case and with spaces
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(kind: .company, name: "云栈科技（重复）", creditCode: " 91110108ma01abcd1e "), by: service)
        }

        // then
        #expect(refusal(error)?.clause.code == "D1.unique")
        #expect(try site.count("client") == clientsBefore)
        let audited = try site.audit(after: seq)
        #expect(audited.count == 1)
        #expect(audited.first?.outcome == .refused)
        #expect(audited.first?.clause == "D1.unique")
        #expect(audited.first?.action == "client.add")
    }

    @Test func individualIsRegisteredWithAnIDDocument() throws {
        // given
        let site = try TestSite()
        let service = site.service

        // when
        let client = try site.core.registry.addClient(
            NewClient(kind: .individual, name: "张伟", idType: "resident_id", idNumber: "320106198802155675"),
            by: service)

        // then
        #expect(client.kind == .individual)
        #expect(client.creditCode == nil)
        #expect(client.idType == .residentID)
        #expect(client.idNumber == "320106198802155675")
        #expect(client.maskedIDNumber == "**************5675")
    }

    @Test func individualWithoutIDDocumentIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(NewClient(kind: .individual, name: "张伟", idType: "resident_id"), by: service)
        }

        // then
        #expect(invalidField(error) == "id_number")
        #expect(try site.snapshot() == before)
    }

    @Test func individualWithBadIDNumberIsInvalid() throws {
        // given: a wrong check digit
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(kind: .individual, name: "张伟", idType: "resident_id", idNumber: "320106198802155676"),
                by: service)
        }

        // then
        #expect(invalidField(error) == "id_number")
        #expect(try site.snapshot() == before)
    }

    @Test func individualWithUnknownDocumentTypeIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(kind: .individual, name: "张伟", idType: "library_card", idNumber: "12345"), by: service)
        }

        // then
        #expect(invalidField(error) == "id_type")
        #expect(try site.snapshot() == before)
    }

    @Test func contactWithBadPhoneIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(
                    kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E",
                    contacts: [NewContact(name: "李娜", phone: "13800000001"), NewContact(name: "王强", phone: "call me")]),
                by: service)
        }

        // then: neither the client nor the good contact was written
        #expect(invalidField(error) == "contact.phone")
        #expect(try site.snapshot() == before)
    }

    @Test func contactWithoutNameIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(
                    kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E",
                    contacts: [NewContact(name: "   ", phone: "13800000001")]),
                by: service)
        }

        // then
        #expect(invalidField(error) == "contact.name")
        #expect(try site.snapshot() == before)
    }

    @Test func emptyClientNameIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(NewClient(kind: .company, name: " \n", creditCode: "91110108MA01ABCD1E"), by: service)
        }

        // then
        #expect(invalidField(error) == "name")
        #expect(try site.snapshot() == before)
    }

    @Test func clientNameWithControlCharactersIsInvalid() throws {
        // given
        let site = try TestSite()
        let service = site.service
        let before = try site.snapshot()

        // when
        let error = coreError {
            try site.core.registry.addClient(
                NewClient(kind: .company, name: "云栈\u{7}科技", creditCode: "91110108MA01ABCD1E"), by: service)
        }

        // then
        #expect(invalidField(error) == "name")
        #expect(try site.snapshot() == before)
    }

    @Test func unknownClientIsNotFound() throws {
        // given
        let site = try TestSite()

        // when
        let error = coreError { try site.core.registry.client(42, by: site.service) }

        // then
        #expect(error == .notFound(entity: "client", key: "42"))
    }

    @Test func clientsAreListedInOrderOfRegistration() throws {
        // given
        let site = try TestSite()
        let first = try site.company().client
        let second = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2").client

        // when
        let listed = try site.core.registry.clients(by: site.guardOnDuty)

        // then
        #expect(listed.map(\.id) == [first.id, second.id])
    }
}
