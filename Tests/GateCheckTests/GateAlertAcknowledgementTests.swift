import ColopassCore
import Foundation
import GateCheck
import GRDB
import Testing

/// A door's alert is looked into by the desk or a supervisor and acknowledged once: who and when
/// kept on the alert, the audit record naming the alert's clause.
@Suite("Gate alerts are acknowledged once, by the desk, audited under their clause")
struct GateAlertAcknowledgementTests {
    /// A holder let out on a card reported lost while inside (G3), raised at the service.
    func letOutAlert(_ site: GateSite) throws -> GateAlert {
        let card = try site.cards(1)[0]
        try site.installGate()
        #expect(try site.desk(.in).decide(card.credential).granted)
        _ = try site.core.cards.reportCardLost(try CardNumber(card.number), by: site.service)
        try site.sync()
        #expect(try site.desk(.out).decide(card.credential).letOut == .lost)
        try site.sync()
        return try #require(try site.alerts().first)
    }

    func auditRecords(_ site: GateSite, _ action: String, outcome: String = "done") throws -> [Row] {
        try site.core.store.pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_record WHERE action = ? AND outcome = ? ORDER BY seq", arguments: [action, outcome])
        }
    }

    @Test func theDeskAcknowledgesALetOutAlertWhoAndWhenAuditedUnderG3() throws {
        // given: an alert nobody has looked at
        let site = try GateSite()
        let alert = try letOutAlert(site)
        #expect(alert.acknowledgedAt == nil)
        #expect(site.core.gate.offers(alert, to: site.service).acknowledge)
        site.now = site.now.addingTimeInterval(600)
        // when: customer service acknowledges it
        let done = try site.core.gate.acknowledgeGateAlert(alert.id, by: site.service)
        // then: who and when on the alert, gone from the open list, kept in the full one
        #expect(done.acknowledgedBy == "cs" && done.acknowledgedAt == site.now)
        #expect(try site.alerts().isEmpty)
        #expect(try site.core.gate.gateAlerts(includeAcknowledged: true, by: site.service) == [done])
        #expect(!site.core.gate.offers(done, to: site.service).acknowledge)
        // and one audit record, under G3, with the alert before and after
        let records = try auditRecords(site, "gate.alert.acknowledge")
        #expect(records.count == 1)
        #expect(records.first?["clause"] as String? == "G3.let_out")
        #expect(records.first?["actor"] as String? == "cs")
        #expect(records.first?["entity_key"] as String? == String(alert.id))
    }

    @Test func aSecondAcknowledgementIsRefusedNamingTheFirstG3() throws {
        let site = try GateSite()
        let alert = try letOutAlert(site)
        _ = try site.core.gate.acknowledgeGateAlert(alert.id, by: site.service)
        let supervisor = Actor(account: try site.core.accounts.addAccount(name: "boss", role: .supervisor, by: .system))
        // when: a supervisor tries again
        let error = #expect(throws: CoreError.self) { try site.core.gate.acknowledgeGateAlert(alert.id, by: supervisor) }
        // then: refused under the alert's clause, saying who acknowledged it; nothing changed
        guard case .refused(let refusal) = error else { Issue.record("not a refusal: \(String(describing: error))"); return }
        #expect(refusal.clause == Clause(G3.letOut))
        #expect(refusal.reason.zh.contains("cs") && refusal.reason.en.contains("already acknowledged by cs"))
        #expect(try site.core.gate.gateAlerts(includeAcknowledged: true, by: supervisor).first?.acknowledgedBy == "cs")
        #expect(try auditRecords(site, "gate.alert.acknowledge").count == 1)
        // the refused attempt is itself audited, under the same clause, as the supervisor's
        let refused = try auditRecords(site, "gate.alert.acknowledge", outcome: "refused")
        #expect(refused.count == 1 && refused.first?["clause"] as String? == "G3.let_out" && refused.first?["actor"] as String? == "boss")
    }

    @Test func aGuardSeesAlertsButMayNotAcknowledgeThemR1() throws {
        let site = try GateSite()
        let alert = try letOutAlert(site)
        #expect(!site.core.gate.offers(alert, to: site.guardOnDuty).acknowledge)
        let error = #expect(throws: CoreError.self) { try site.core.gate.acknowledgeGateAlert(alert.id, by: site.guardOnDuty) }
        guard case .refused(let refusal) = error else { Issue.record("not a refusal"); return }
        #expect(refusal.clause == Clause(R1.role))
        #expect(try site.alerts().count == 1)
        #expect(try auditRecords(site, "gate.alert.acknowledge").isEmpty)
        #expect(try auditRecords(site, "gate.alert.acknowledge", outcome: "refused").first?["clause"] as String? == "R1.role")
    }

    @Test func anUnknownAlertIsNotFound() throws {
        let site = try GateSite()
        #expect(throws: CoreError.notFound(entity: "gate alert", key: "999")) {
            try site.core.gate.acknowledgeGateAlert(999, by: site.service)
        }
    }
}
