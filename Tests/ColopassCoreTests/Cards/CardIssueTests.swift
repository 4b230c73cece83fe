import Foundation
import Testing

@testable import ColopassCore

@Suite("Issuing access cards (C1, C2, C3, C5)")
struct CardIssueTests {
    @Test func issuesCardToActivePersonOfClientWithContractInForceC1() throws {
        // given
        let site = try TestSite()
        let (_, contract, people) = try site.companyWithStaff(1)
        // when
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        // then
        #expect(card.status == .active)
        #expect(card.generation == 1)
        #expect(card.contractId == contract.id)
        #expect(card.number.hasPrefix("DC1-000001-"))
        #expect(CheckCharacter.isValid(card.number))
        #expect(try site.decision(card).isGranted)
        #expect(try site.lastAudit().action == "badge.render" || site.lastAudit().action == "card.issue")
    }

    @Test func thirdCardOfCompanyClientIsRefusedC1Limit() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(3)
        _ = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        _ = try site.core.cards.issueCard(personId: people[1].id, by: site.service)
        let before = try site.count("card")
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: people[2].id, by: site.service) } == "C1.limit")
        #expect(try site.count("card") == before)
    }

    @Test func secondCardOfIndividualClientIsRefusedC1Limit() throws {
        let site = try TestSite()
        let (client, _) = try site.individual()
        let holder = try site.person(of: client.id, name: "张伟", idNumber: "320106198802155675", documents: true)
        let helper = try site.person(of: client.id, name: "助手", idNumber: TestSite.residentIDs[0])
        _ = try site.core.cards.issueCard(personId: holder.id, by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: helper.id, by: site.service) } == "C1.limit")
    }

    @Test func lostAndCancelledCardsFreeTheirSlotC1Limit() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(4)
        let first = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let second = try site.core.cards.issueCard(personId: people[1].id, by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(first.number), by: site.service)
        _ = try site.core.cards.cancelCard(try CardNumber(second.number), reason: "调岗", by: site.service)
        // Both slots are free again.
        _ = try site.core.cards.issueCard(personId: people[2].id, by: site.service)
        _ = try site.core.cards.issueCard(personId: people[3].id, by: site.service)
        #expect(try site.count("card") == 4)
    }

    @Test func expiredCardFreesItsSlotC1Limit() throws {
        var policy = try TestSite.shippedPolicy()
        policy.parameters.cardMaxValidityDays = 1
        policy.parameters.cardsPerCompanyClient = 1
        let site = try TestSite(policy: policy)
        let (_, _, people) = try site.companyWithStaff(2)
        let old = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: people[1].id, by: site.service) } == "C1.limit")
        site.advance(hours: 25)
        #expect(try site.decision(old).denyReason == .expired)
        _ = try site.core.cards.issueCard(personId: people[1].id, by: site.service)
    }

    @Test func cardNeverOutlivesItsContractC1Validity() throws {
        let site = try TestSite()
        let (_, contract, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let contractEnd = contract.endsOn.end(in: site.core.policy.site.timeZone)
        #expect(card.validUntil == contractEnd)
        // It expires by itself: the day after the contract's last day the QR is denied.
        site.now = contractEnd.addingTimeInterval(1)
        #expect(try site.decision(card).denyReason == .expired)
    }

    @Test func personOfTerminatedContractGetsNoCardC2Contract() throws {
        let site = try TestSite()
        let (client, contract) = try site.company()
        let person = try site.person(of: client.id)
        _ = try site.core.registry.terminateContract(contract.number, by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: person.id, by: site.service) } == "C2.contract")
    }

    @Test func clientWithOnlyADraftContractGetsNoCardC2Contract() throws {
        let site = try TestSite()
        let client = try site.core.registry.addClient(
            NewClient(kind: .company, name: "草稿公司", creditCode: "91310115MA1K3XY72K"), by: site.service)
        _ = try site.core.registry.addContract(
            NewContract(
                number: "HT-D", clientId: client.id, startsOn: "2026-01-01", endsOn: "2026-12-31", racks: ["A1"],
                serverQuota: 1), by: site.service)
        let person = try site.person(of: client.id)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: person.id, by: site.service) } == "C2.contract")
    }

    @Test func departedPersonGetsNoCardC5() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        _ = try site.core.registry.departPerson(people[0].id, by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: people[0].id, by: site.service) } == "C5.departed")
    }

    @Test func cardNeedsPhotoIDCopyAndCompanyLetterC1() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let bare = try site.person(of: client.id, documents: false)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: bare.id, by: site.service) } == "C1.photo")
        _ = try site.core.registry.attachDocuments(
            personId: bare.id, photoPath: TestSite.fixtures + "/photo.png", idCopyPath: nil, letterPath: nil,
            by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: bare.id, by: site.service) } == "C1.id_copy")
        _ = try site.core.registry.attachDocuments(
            personId: bare.id, photoPath: nil, idCopyPath: TestSite.fixtures + "/id-copy.png", letterPath: nil,
            by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: bare.id, by: site.service) } == "C1.letter")
        _ = try site.core.registry.attachDocuments(
            personId: bare.id, photoPath: nil, idCopyPath: nil, letterPath: TestSite.fixtures + "/letter.pdf",
            by: site.service)
        _ = try site.core.cards.issueCard(personId: bare.id, by: site.service)
    }

    @Test func individualClientNeedsNoCompanyLetterC1() throws {
        let site = try TestSite()
        let (client, _) = try site.individual()
        let person = try site.core.registry.addPerson(
            NewPerson(
                clientId: client.id, name: "张伟", idType: "resident_id", idNumber: "320106198802155675",
                phone: "13700000004", photoPath: TestSite.fixtures + "/photo.png",
                idCopyPath: TestSite.fixtures + "/id-copy.png"), by: site.service
        ).person
        #expect(try site.core.cards.issueCard(personId: person.id, by: site.service).status == .active)
    }

    @Test func onePersonHoldsOneCardC3() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        _ = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: people[0].id, by: site.service) } == "C3.one_card")
    }

    @Test(arguments: [Role.guard, .supervisor, .admin])
    func onlyCustomerServiceIssuesCardsC1Role(role: Role) throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let other = try site.account("someone", role)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: people[0].id, by: other) } == "C1.role")
        // Refused, and audited as refused.
        let record = try site.lastAudit()
        #expect(record.outcome == .refused && record.clause == "C1.role" && record.actor == "someone")
        #expect(try site.count("card") == 0)
    }

    @Test func clientUserCannotIssueCardsC1Role() throws {
        let site = try TestSite()
        let (client, _, people) = try site.companyWithStaff(1)
        let user = try site.account("client-user", .clientUser, client: client.id)
        #expect(site.refusalClause { _ = try site.core.cards.issueCard(personId: people[0].id, by: user) } == "C1.role")
    }

    @Test func mistypedCardNumberIsCaughtByItsCheckCharacter() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        var typo = Array(card.number)
        typo[typo.count - 3] = typo[typo.count - 3] == "1" ? "7" : "1"
        #expect(throws: CoreError.self) { _ = try site.core.cards.card(try CardNumber(String(typo)), by: site.service) }
        do {
            _ = try site.core.cards.card(try CardNumber(String(typo)), by: site.service)
        } catch CoreError.invalidInput(let field, _) {
            #expect(field == "card")
        }
        #expect(try site.core.cards.card(try CardNumber(card.number.lowercased()), by: site.service).card.id == card.id)
    }
}
