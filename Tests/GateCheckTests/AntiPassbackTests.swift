import ColopassCore
import Foundation
import GateCheck
import Testing

@Suite("Anti-passback (G2) and occupancy")
struct AntiPassbackTests {
    @Test func offModeLetsAnyoneInTwice() throws {
        let site = try GateSite { $0.parameters.antiPassback = .off }
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.desk(.in).decide(card.credential)
        let second = try site.desk(.in).decide(card.credential)
        #expect(second.granted && second.warnings.isEmpty)
    }

    @Test func warnModeGrantsButFlagsASecondEntryG2() throws {
        let site = try GateSite { $0.parameters.antiPassback = .warn }
        let card = try site.cards(1)[0]
        try site.installGate()
        _ = try site.desk(.in).decide(card.credential)
        let second = try site.desk(.in, gate: "B").decide(card.credential)
        #expect(second.granted && second.warnings == [.passback])
        #expect(second.event.clause == "G2.passback")
    }

    @Test func denyModeRefusesASecondEntryUntilTheHolderLeftG2() throws {
        let site = try GateSite { $0.parameters.antiPassback = .deny }
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        #expect(try site.desk(.in).decide(card.credential).denyReason == .passback)
        #expect(try site.desk(.out).decide(card.credential).granted)
        #expect(try site.desk(.in).decide(card.credential).granted)
    }

    @Test func occupancyFollowsAMixedSequenceOfInsAndOuts() throws {
        let site = try GateSite { $0.parameters.antiPassback = .off }
        let cards = try site.cards(2)
        try site.installGate()
        let inDoor = try site.desk(.in)
        let outDoor = try site.desk(.out)
        func step(_ desk: GateDesk, _ card: Card) throws {
            site.now = site.now.addingTimeInterval(10)
            _ = try desk.decide(card.credential)
        }
        try step(inDoor, cards[0])
        try step(inDoor, cards[1])
        try step(outDoor, cards[0])
        #expect(try site.replica.occupants().map(\.holderName) == ["员工2"])
        try step(outDoor, cards[1])
        try step(inDoor, cards[0])
        #expect(try site.replica.occupants().map(\.holderName) == ["员工1"])
        // A denied entry does not put anyone inside.
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[1].number), by: site.service)
        try site.sync()
        try step(inDoor, cards[1])
        #expect(try site.replica.occupants().map(\.holderName) == ["员工1"])
    }
}
