import Foundation
import Testing

@testable import ColopassCore

@Suite("Lost, reissued, cancelled and returned cards (C4, C5, C8, C9)")
struct CardLifecycleTests {
    @Test func lostCardIsRevokedAtOnceC4() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: site.service)
        #expect(try site.decision(card).denyReason == .lost)
        #expect(DenyReason.lost.clause.code == "C4.lost")
    }

    @Test func clientReportsItsOwnLostCardButNotAnotherClientsC4R3() throws {
        let site = try TestSite()
        let (client, _, people) = try site.companyWithStaff(1)
        let other = try site.core.registry.addClient(
            NewClient(kind: .company, name: "别家", creditCode: "91310115MA1K3XY72K"), by: site.service)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let stranger = try site.account("stranger", .clientUser, client: other.id)
        #expect(site.refusalClause { _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: stranger) } == "R3.client")
        let owner = try site.account("owner", .clientUser, client: client.id)
        #expect(try site.core.cards.reportCardLost(try CardNumber(card.number), by: owner).status == .lost)
    }

    @Test func reissueWithoutTheLossLetterIsRefusedC8Letter() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: site.service)
        #expect(site.refusalClause { _ = try site.core.cards.reissueCard(try CardNumber(card.number), lossLetterPath: nil, by: site.service) } == "C8.letter")
        #expect(try site.core.cards.card(try CardNumber(card.number), by: site.service).card.status == .lost)
    }

    @Test func reissueBumpsTheGenerationAndTheOldQRIsDeniedForeverC8() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let old = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(old.number), by: site.service)
        let new = try site.core.cards.reissueCard(
            try CardNumber(old.number), lossLetterPath: TestSite.fixtures + "/loss-letter.pdf", by: site.service)
        #expect(new.number == old.number)
        #expect(new.generation == 2)
        #expect(new.lossLetter != nil)
        #expect(try site.decision(new).isGranted)
        #expect(try site.decision(old).denyReason == .superseded)
    }

    @Test func onlyALostCardIsReissuedC8() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        #expect(site.refusalClause {
            _ = try site.core.cards.reissueCard(try CardNumber(card.number), lossLetterPath: TestSite.fixtures + "/loss-letter.pdf", by: site.service)
        } == "C8.not_lost")
    }

    @Test func reissueStillRespectsTheCardLimitC1Limit() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(3)
        let lost = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(lost.number), by: site.service)
        _ = try site.core.cards.issueCard(personId: people[1].id, by: site.service)
        _ = try site.core.cards.issueCard(personId: people[2].id, by: site.service)
        #expect(site.refusalClause {
            _ = try site.core.cards.reissueCard(try CardNumber(lost.number), lossLetterPath: TestSite.fixtures + "/loss-letter.pdf", by: site.service)
        } == "C1.limit")
    }

    @Test func departureCancelsThePersonsCardsInTheSameTransactionC5() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let seq = try site.lastSeq()
        let result = try site.core.registry.departPerson(people[0].id, by: site.service)
        #expect(result.cancelledCards == [card.number])
        #expect(try site.decision(card).denyReason == .holderDeparted)
        let records = try site.audit(after: seq)
        #expect(records.map(\.action) == ["person.depart", "card.cancel"])
        #expect(records[1].clause == "C5")
    }

    @Test func terminationCancelsAllCardsAndListsThoseToCollectC9() throws {
        let site = try TestSite()
        let (_, contract, people) = try site.companyWithStaff(2)
        let kept = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let lost = try site.core.cards.issueCard(personId: people[1].id, by: site.service)
        _ = try site.core.cards.reportCardLost(try CardNumber(lost.number), by: site.service)
        let termination = try site.core.registry.terminateContract(contract.number, by: site.service)
        #expect(Set(termination.cancelledCards) == [kept.number, lost.number])
        // A lost card cannot be handed back; the other one must be.
        #expect(termination.cardsToCollect == [kept.number])
        #expect(try site.decision(kept).denyReason == .contractTerminated)
        let returned = try site.core.cards.recordCardReturn(try CardNumber(kept.number), by: site.service)
        #expect(returned.status == .returned && returned.returnedAt != nil)
        #expect(try site.decision(kept).denyReason == .returned)
        #expect(site.refusalClause { _ = try site.core.cards.recordCardReturn(try CardNumber(kept.number), by: site.service) } == "C9.state")
    }

    @Test func suspendedContractStopsItsCardsAtTheDoorC9Contract() throws {
        let site = try TestSite()
        let (_, contract, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        _ = try site.core.registry.suspendContract(contract.number, by: site.service)
        #expect(try site.decision(card).denyReason == .contractEnded)
        _ = try site.core.registry.activateContract(contract.number, by: site.service)
        #expect(try site.decision(card).isGranted)
    }

    @Test func cancellingNeedsAReasonAndChangesNothingWithoutOne() throws {
        let site = try TestSite()
        let (_, _, people) = try site.companyWithStaff(1)
        let card = try site.core.cards.issueCard(personId: people[0].id, by: site.service)
        let seq = try site.lastSeq()
        #expect(throws: CoreError.self) { _ = try site.core.cards.cancelCard(try CardNumber(card.number), reason: "  ", by: site.service) }
        #expect(try site.lastSeq() == seq)
        #expect(try site.decision(card).isGranted)
    }
}
