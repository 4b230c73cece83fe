import ColopassCore
import Foundation
import GateCheck
import GRDB
import Testing

extension GateSite {
    func alerts() throws -> [GateAlert] { try core.gate.gateAlerts(by: service) }

    func auditCount(_ action: String, clause: String) throws -> Int {
        try core.store.pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM audit_record WHERE action = ? AND clause = ?", arguments: [action, clause]) ?? 0
        }
    }
}

@Suite("Nobody trapped inside (G3): the way out lets a person out and alerts the guard")
struct NobodyTrappedTests {
    @Test func aCardReportedLostWhileInsideLetsItsHolderOutWithAnAlertG3C4() throws {
        // given: a holder who went in, and whose card was reported lost while inside
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: site.service)
        try site.sync()
        // when: they scan at the way out
        let out = try site.desk(.out).decide(card.credential)
        // then: let out, the guard alerted, the event carrying the lost clause
        #expect(out.granted)
        #expect(out.letOut == .lost)
        #expect(out.event.result == .granted && out.event.reason == "lost" && out.event.clause == "C4.lost")
        #expect(GateDisplay.text(out, color: false).contains("G3.let_out"))
        // and the way in still refuses the card
        #expect(try site.desk(.in).decide(card.credential).denyReason == .lost)
        // the service raises it for an operator on upload, once, audited under G3
        try site.sync()
        try site.sync()
        let alerts = try site.alerts()
        #expect(alerts.count == 1)
        #expect(alerts.first?.kind == .letOut && alerts.first?.clause == "C4.lost" && alerts.first?.eventId == out.event.id)
        #expect(try site.auditCount("gate.alert", clause: "G3.let_out") == 1)
    }

    @Test func aHolderWhoseContractEndedWhileInsideIsLetOutG3C9() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        _ = try site.core.registry.terminateContract("HT-1", by: site.service)
        try site.sync()
        let out = try site.desk(.out).decide(card.credential)
        #expect(out.granted && out.letOut == .contractTerminated && out.event.clause == "C9.terminated")
    }

    @Test func aCardThatExpiredWhileInsideLetsItsHolderOutG3C1() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        site.now = card.validUntil.addingTimeInterval(60)
        try site.sync()
        let out = try site.desk(.out).decide(card.credential)
        #expect(out.granted && out.letOut == .expired && out.event.clause == "C1.validity")
    }

    @Test func staleDataDoesNotKeepAnyoneInG3G1() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        site.now = site.now.addingTimeInterval(3 * 3600)
        #expect(try site.desk(.in).decide(card.credential).denyReason == .staleReplica)
        let out = try site.desk(.out).decide(card.credential)
        #expect(out.granted && out.letOut == .staleReplica)
    }

    @Test func aForgedCardIsStillDeniedAtTheWayOutS4() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        let parsed = try #require(SignedCredential.parse(card.credential))
        let forged = try SignedCredential.sign(parsed.credential, with: Ed25519PrivateKey.generate())
        let out = try site.desk(.out).decide(forged.text)
        #expect(out.denyReason == .forged && out.letOut == nil)
    }

    @Test func aValidCardAtTheWayOutRaisesNoAlert() throws {
        let site = try GateSite()
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        let out = try site.desk(.out).decide(card.credential)
        #expect(out.granted && out.letOut == nil && out.event.reason == nil)
        try site.sync()
        #expect(try site.alerts().isEmpty)
    }

    @Test func anExitSlipStillFollowsQ4AtTheWayOut() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (slip, _) = try site.exitSlip()
        try site.installGate()
        #expect(try site.desk(.out).decide(slip.credential) { _, _ in true }.granted)
        let again = try site.desk(.out).decide(slip.credential) { _, _ in true }
        #expect(again.denyReason == .alreadyUsed && again.letOut == nil)
    }
}
