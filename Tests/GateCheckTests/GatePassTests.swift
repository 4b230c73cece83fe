import ColopassCore
import Foundation
import GateCheck
import Testing

@Suite("Temporary and emergency passes at the door (C6, C7)")
struct GatePassTests {
    /// An approved temporary request for tomorrow 09:00–12:00 site time, synced to the gate.
    func temporaryPass(_ site: GateSite) throws -> (request: VisitRequestView, credential: String) {
        let client = try site.core.registry.clients(by: site.service)[0]
        let start = site.now.addingTimeInterval(24 * 3600)
        let filed = try site.core.passes.fileVisitRequest(
            NewVisitRequest(
                clientId: client.id, reason: "更换硬盘", windowStart: start, windowEnd: start.addingTimeInterval(3 * 3600),
                visitors: [NewVisitor(name: "赵临时", idNumber: "11010519491231002X")],
                letterPath: GateSite.fixtures + "/letter.pdf"), by: site.service)
        let approver = Actor(account: try site.core.accounts.addAccount(name: "cs2", role: .customerService, by: .system))
        let approved = try site.core.passes.approveVisitRequest(filed.request.id, by: approver)
        return (approved, try #require(approved.passes.first).pass.credential)
    }

    @Test func temporaryPassIsGrantedOnlyInsideItsWindowWithEscortShownC7() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (request, credential) = try temporaryPass(site)
        try site.installGate()
        #expect(try site.desk().decide(credential).denyReason == .outsideWindow)
        site.now = request.request.windowStart.addingTimeInterval(60)
        try site.sync()
        let inside = try site.desk().decide(credential)
        #expect(inside.granted)
        #expect(inside.entry?.escortRequired == true)
        #expect(GateDisplay.text(inside, color: false).contains("escort required"))
        site.now = request.request.windowEnd.addingTimeInterval(1)
        try site.sync()
        #expect(try site.desk().decide(credential).denyReason == .outsideWindow)
    }

    @Test func passOfACancelledRequestIsDeniedAfterSyncC7() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (request, credential) = try temporaryPass(site)
        try site.installGate()
        site.now = request.request.windowStart.addingTimeInterval(60)
        _ = try site.core.passes.cancelVisitRequest(request.request.id, reason: "客户取消", by: site.service)
        try site.sync()
        #expect(try site.desk().decide(credential).denyReason == .visitWithdrawn)
    }

    @Test func contractTerminationRevokesOpenPassesAtTheDoorC9() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let (request, credential) = try temporaryPass(site)
        try site.installGate()
        _ = try site.core.registry.terminateContract("HT-1", by: site.service)
        site.now = request.request.windowStart.addingTimeInterval(60)
        try site.sync()
        #expect(try site.desk().decide(credential).granted == false)
    }

    @Test func emergencyPassNeedsTheGuardsIDCheckAndIsLoggedC6() throws {
        let site = try GateSite()
        _ = try site.cards(1)
        let supervisor = Actor(account: try site.core.accounts.addAccount(name: "boss", role: .supervisor, by: .system))
        let client = try site.core.registry.clients(by: site.service)[0]
        let emergency = try site.core.passes.approveEmergency(
            NewEmergency(clientId: client.id, staff: [NewVisitor(name: "钱抢修", idNumber: "11010519491231002X")],
                         reason: "电源故障", hours: 2), by: supervisor)
        let credential = try #require(emergency.passes.first).pass.credential
        try site.installGate()
        let refused = try site.desk().decide(credential) { question, _ in
            #expect(question == .idShown)
            return false
        }
        #expect(refused.denyReason == .idNotConfirmed)
        let admitted = try site.desk().decide(credential) { _, _ in true }
        #expect(admitted.granted && admitted.event.confirmed)
        // Even with stale data an emergency pass is let in (fail-secure spares emergencies).
        site.now = site.now.addingTimeInterval(90 * 60)
        let stale = try site.desk(.out).decide(credential)
        #expect(stale.granted && stale.warnings.contains(.staleReplica))
        // The upload logs the entry and exit and records the guard's ID check on the pass.
        try site.sync()
        let supervisorView = try site.core.passes.emergencies(by: supervisor).first { $0.entry.id == emergency.entry.id }
        #expect(supervisorView?.passes.first?.pass.idConfirmedBy == "guard@A")
        let log = try site.core.passes.visitorLog(
            from: Day(GateSite.start, in: site.core.policy.site.timeZone),
            to: Day(site.now, in: site.core.policy.site.timeZone), by: site.service)
        #expect(log.filter { $0.entry.event == .entry }.count == 1)
        #expect(log.filter { $0.entry.event == .exit }.count == 1)
    }
}
