import ColopassCore
import Foundation
import GateCheck
import Testing

@Suite("Stale data announced before it bites (G1.aging)")
struct AgingReplicaTests {
    @Test func fromThreeQuartersOfTheLimitEveryDecisionWarnsG1Aging() throws {
        // given: the shipped policy, 60 minutes, warning from 75 %
        let site = try GateSite()
        let cards = try site.cards(2)
        try site.installGate()
        _ = try site.core.cards.reportCardLost(try CardNumber(cards[1].number), by: site.service)
        try site.sync()
        let synced = site.now
        // before 45 minutes: no warning
        site.now = synced.addingTimeInterval(44 * 60)
        let early = try site.desk().decide(cards[0].credential)
        #expect(early.granted && early.warnings.isEmpty && !early.aging)
        // from 45 minutes: granted with the warning, a denial carries it too
        site.now = synced.addingTimeInterval(45 * 60)
        let warned = try site.desk(.out).decide(cards[0].credential)
        #expect(warned.granted && warned.warnings == [.replicaAging] && warned.aging)
        #expect(warned.event.clause == "G1.aging")
        let text = GateDisplay.text(warned, color: false, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(text.contains("G1.aging") && text.contains("门禁数据将于"), "\(text)")
        let denied = try site.desk().decide(cards[1].credential)
        #expect(denied.denyReason == .lost && denied.warnings.contains(.replicaAging))
        // past 60 minutes: fail-secure
        site.now = synced.addingTimeInterval(61 * 60)
        #expect(try site.desk().decide(cards[0].credential).denyReason == .staleReplica)
    }

    @Test func theWarningShareIsThePolicysG1Aging() throws {
        let site = try GateSite { $0.parameters.gateReplicaWarnPercent = 50 }
        let card = try site.cards(1)[0]
        try site.installGate()
        site.now = site.now.addingTimeInterval(31 * 60)
        #expect(try site.desk().decide(card.credential).warnings == [.replicaAging])
    }

    @Test func aDeskSeesASyncMadeBesideItWithoutRestarting() throws {
        // given: a desk that has been open since the first sync
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let desk = try site.desk()
        site.now = site.now.addingTimeInterval(50 * 60)
        #expect(try desk.decide(card.credential).aging)
        // when: another connection to the same file (`gate-check run`, its own process) applies a delta
        try GateSync.run(try Replica(directory: site.directory + "/gate"), from: site.source, now: site.now)
        // then: the same desk's next decision is fresh
        #expect(!(try desk.decide(card.credential).aging))
    }
}
