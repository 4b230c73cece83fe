import ColopassCore
import Foundation
import GRDB
import GateCheck
import Testing

/// The desk (`colopass card verify`, the core's verifier on the service's records) and the door
/// (`gate-check`, the same verifier on the replica) cite the same clause for the same credential,
/// whatever stopped it.
@Suite("The desk and the door name the same clause")
struct DeskAndDoorTests {
    /// The clause the desk gives and the one the door gives, after a sync.
    func clauses(_ site: GateSite, _ credential: String, _ direction: GateEvent.Direction = .in) throws
        -> (desk: String?, door: String?)
    {
        try site.sync()
        let desk = try site.core.credentials.verifyCredential(credential, at: site.now).denyReason?.clause.code
        let door = try site.desk(direction).decide(credential) { _, _ in true }.denyReason?.clause.code
        return (desk, door)
    }

    @Test func cardOfAnEndedContractIsC9AtBoth() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.core.registry.terminateContract("HT-1", by: site.service)
        let (desk, door) = try clauses(site, card.credential)
        #expect(desk == "C9.terminated" && door == "C9.terminated")
    }

    @Test func cardOfADepartedHolderIsC5AtBoth() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.core.registry.departPerson(card.personId, by: site.service)
        let (desk, door) = try clauses(site, card.credential)
        #expect(desk == "C5.departed" && door == "C5.departed")
    }

    @Test func cardCancelledAtTheDeskIsC5AtBoth() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.core.cards.cancelCard(try CardNumber(card.number), reason: "调岗", by: site.service)
        let (desk, door) = try clauses(site, card.credential)
        #expect(desk == "C5.cancelled" && door == "C5.cancelled")
    }

    @Test func lostCardIsC4AndItsOldGenerationC8AtBoth() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: site.service)
        let lost = try clauses(site, card.credential)
        #expect(lost.desk == "C4.lost" && lost.door == "C4.lost")
        _ = try site.core.cards.reissueCard(try CardNumber(card.number), lossLetterPath: GateSite.fixtures + "/letter.pdf", by: site.service)
        let old = try clauses(site, card.credential)
        #expect(old.desk == "C8.superseded" && old.door == "C8.superseded")
    }

    @Test func passOfAWithdrawnVisitIsC7AtBoth() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (request, credential) = try GatePassTests().temporaryPass(site)
        try site.installGate()
        let early = try clauses(site, credential)
        #expect(early.desk == "C7.window" && early.door == "C7.window")
        site.now = request.request.windowStart.addingTimeInterval(60)
        _ = try site.core.passes.cancelVisitRequest(request.request.id, reason: "客户取消", by: site.service)
        let (desk, door) = try clauses(site, credential)
        #expect(desk == "C7.withdrawn" && door == "C7.withdrawn")
    }

    @Test func slipOfAWithdrawnRemovalIsQ4AtBoth() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        let request = try site.core.equipment.removals(by: site.service)[0]
        _ = try site.core.equipment.cancelRemoval(try RemovalNumber(request.request.number), reason: "计划改期", by: site.service)
        let (desk, door) = try clauses(site, slip.credential, .out)
        #expect(desk == "Q4.withdrawn" && door == "Q4.withdrawn")
    }

    @Test func slipOnAnotherDayIsQ4DateAtBoth() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        site.now = site.now.addingTimeInterval(24 * 3600)
        let (desk, door) = try clauses(site, slip.credential, .out)
        #expect(desk == "Q4.date" && door == "Q4.date")
    }
}
