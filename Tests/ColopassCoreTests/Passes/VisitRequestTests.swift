import Foundation
import Testing

@testable import ColopassCore

@Suite("Filing temporary entry requests (C7)")
struct VisitRequestTests {
    @Test func clientUserFilesARequestForItsOwnClientC7() throws {
        // given
        let site = try TestSite()
        let (client, contract) = try site.company()
        let user = try site.clientUser(client.id)
        // when
        let view = try site.core.passes.fileVisitRequest(site.newRequest(client.id), by: user)
        // then
        #expect(view.status == "filed")
        #expect(view.request.requestedBy == "yunzhan")
        #expect(view.request.contractId == contract.id)
        #expect(view.visitors.map(\.name) == ["王强", "陈静"])
        #expect(view.visitors.allSatisfy { $0.idNumber.hasPrefix("*") }, "views mask ID numbers")
        #expect(view.passes.isEmpty)
        let record = try site.lastAudit()
        #expect(record.action == "visit.file" && record.clause == "C7" && record.outcome == .done)
        #expect(record.after?.contains("310115199007042347") == false, "the audit image masks ID numbers")
        #expect(try site.visitLog().map(\.event) == [.filed, .filed])
    }

    @Test func customerServiceFilesOnTheClientsBehalfC7() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let view = try site.core.passes.fileVisitRequest(site.newRequest(client.id), by: site.service)
        #expect(view.request.requestedBy == "cs")
    }

    @Test func requestFiledTooLateIsRefusedC7Notice() throws {
        // given: the policy asks for 4 hours' notice
        let site = try TestSite()
        let (client, _) = try site.company()
        let user = try site.clientUser(client.id)
        // when / then
        #expect(site.filingRefusal(site.newRequest(client.id, startsIn: 3.5), by: user) == "C7.notice")
        #expect(try site.count("visit_request") == 0)
        let record = try site.lastAudit()
        #expect(record.outcome == .refused && record.clause == "C7.notice")
        // exactly the notice is enough
        _ = try site.core.passes.fileVisitRequest(site.newRequest(client.id, startsIn: 4), by: user)
    }

    @Test func windowLongerThanThePolicyIsRefusedC7Window() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let user = try site.clientUser(client.id)
        #expect(site.filingRefusal(site.newRequest(client.id, hours: 12.5), by: user) == "C7.window")
        #expect(try site.count("visit_request") == 0)
        _ = try site.core.passes.fileVisitRequest(site.newRequest(client.id, hours: 12), by: user)
    }

    @Test func windowEndingBeforeItStartsIsRefusedC7Window() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        #expect(site.filingRefusal(site.newRequest(client.id, hours: -1), by: site.service) == "C7.window")
        #expect(site.filingRefusal(site.newRequest(client.id, hours: 0), by: site.service) == "C7.window")
    }

    @Test func requestWithoutTheSealedLetterIsRefusedC7Letter() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        #expect(site.filingRefusal(site.newRequest(client.id, letter: nil), by: site.service) == "C7.letter")
        #expect(try site.count("visit_request") == 0)
    }

    @Test func clientWithoutAContractInForceIsRefusedC7Contract() throws {
        // given: a client whose only contract is a draft, and one whose contract was terminated
        let site = try TestSite()
        let draft = try site.core.registry.addClient(
            NewClient(kind: .company, name: "草稿公司", creditCode: "91310115MA1K3XY72K"), by: site.service)
        _ = try site.core.registry.addContract(
            NewContract(
                number: "HT-D", clientId: draft.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A1"],
                serverQuota: 1), by: site.service)
        let (ended, contract) = try site.company()
        _ = try site.core.registry.terminateContract(contract.number, by: site.service)
        // when / then
        #expect(site.filingRefusal(site.newRequest(draft.id), by: site.service) == "C7.contract")
        #expect(site.filingRefusal(site.newRequest(ended.id), by: site.service) == "C7.contract")
        #expect(try site.count("visit_request") == 0)
    }

    @Test func windowRunningPastTheContractsLastDayIsRefusedC7Contract() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        // The contract ends 2026-12-31 (site time); move to its last evening.
        site.now = ISO8601DateFormatter().date(from: "2026-12-31T02:00:00Z")!
        #expect(
            site.filingRefusal(site.newRequest(client.id, startsIn: 10, hours: 8), by: site.service) == "C7.contract")
    }

    @Test func invalidIDNumberIsInvalidInputAndChangesNothing() throws {
        // given: a resident ID with a wrong check digit
        let site = try TestSite()
        let (client, _) = try site.company()
        let user = try site.clientUser(client.id)
        let before = try site.passSnapshot()
        let bad = [TestSite.twoVisitors[0], NewVisitor(name: "陈静", idNumber: "440305199211203458")]
        // when / then
        #expect(site.filingInvalidField(site.newRequest(client.id, visitors: bad), by: user) == "visitors[1].id_number")
        #expect(try site.passSnapshot() == before)
    }

    @Test func unknownIDDocumentTypeIsInvalidInputAndChangesNothing() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let before = try site.passSnapshot()
        let bad = [NewVisitor(name: "王强", idType: "driving_licence", idNumber: "310115199007042347")]
        #expect(
            site.filingInvalidField(site.newRequest(client.id, visitors: bad), by: site.service)
                == "visitors[0].id_type")
        #expect(try site.passSnapshot() == before)
    }

    @Test func passportsAndPermitsAreAcceptedByTheirShape() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let visitors = [
            NewVisitor(name: "John Smith", idType: "passport", idNumber: "e12345678"),
            NewVisitor(name: "陳大文", idType: "hk_macau_permit", idNumber: "H12345678"),
        ]
        let view = try site.core.passes.fileVisitRequest(site.newRequest(client.id, visitors: visitors), by: site.service)
        #expect(view.visitors.map(\.idType) == [.passport, .hkMacauPermit])
    }

    @Test func requestNamingNoOneOrTheSameDocumentTwiceIsInvalidInput() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let before = try site.passSnapshot()
        #expect(site.filingInvalidField(site.newRequest(client.id, visitors: []), by: site.service) == "visitors")
        let twice = [TestSite.twoVisitors[0], NewVisitor(name: "王强", idNumber: "310115199007042347")]
        #expect(
            site.filingInvalidField(site.newRequest(client.id, visitors: twice), by: site.service)
                == "visitors[1].id_number")
        #expect(site.filingInvalidField(site.newRequest(client.id, reason: "  "), by: site.service) == "reason")
        let notALetter = TestSite.fixtures + "/not-an-image.txt"
        #expect(site.filingInvalidField(site.newRequest(client.id, letter: notALetter), by: site.service) == "letter")
        #expect(try site.passSnapshot() == before)
    }

    @Test func clientUserFilesForItsOwnClientOnlyR3() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let (other, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let user = try site.clientUser(client.id)
        #expect(site.filingRefusal(site.newRequest(other.id), by: user) == "R3.client")
        #expect(try site.count("visit_request") == 0)
    }

    @Test func guardCannotFileARequestR1Role() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        #expect(site.filingRefusal(site.newRequest(client.id), by: site.guardOnDuty) == "R1.role")
    }
}
