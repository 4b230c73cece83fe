import Foundation
import Testing

@testable import ColopassCore

@Suite("Contract termination and passes (C9)")
struct PassCascadeTests {
    @Test func terminationRevokesOpenPassesAndCancelsPendingRequestsC9() throws {
        // given: an approved request with two passes, a filed one, and an emergency under way
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let pending = try site.core.passes.fileVisitRequest(
            site.newRequest(approved.client.id, startsIn: 48), by: approved.user)
        let emergency = try #require(try site.approvedEmergency(clientId: approved.client.id).passes.first)
        let seq = try site.lastSeq()
        // when
        _ = try site.core.registry.terminateContract(approved.contract.number, by: site.service)
        // then: both requests are cancelled and every open pass is revoked, in the same transaction
        let after = try site.core.passes.visitRequest(approved.view.request.id, by: site.service)
        #expect(after.status == "cancelled")
        #expect(after.passes.allSatisfy { $0.pass.status == .revoked })
        #expect(try site.core.passes.visitRequest(pending.request.id, by: site.service).status == "cancelled")
        #expect(
            try site.core.passes.emergency(emergency.pass.requestId, by: site.service).passes.allSatisfy {
                $0.pass.status == .revoked
            })
        let records = try site.audit(after: seq)
        let cascade = records.filter { $0.clause == "C9" }
        #expect(cascade.filter { $0.action == "visit.cancel" }.count == 2)
        #expect(cascade.filter { $0.action == "temporary_pass.revoke" }.count == 2)
        #expect(cascade.filter { $0.action == "emergency_pass.revoke" }.count == 1)
        // and the gate's verifier denies them, inside their windows
        #expect(try site.decision(emergency).denyReason == .contractTerminated)
        let pass = try #require(approved.view.passes.first)
        #expect(try site.decision(pass, at: pass.pass.validFrom).denyReason == .contractTerminated)
    }

    @Test func closedAndRejectedRequestsAreLeftAsTheyWereC9() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let rejected = try site.core.passes.fileVisitRequest(
            site.newRequest(approved.client.id, startsIn: 30), by: approved.user)
        _ = try site.core.passes.rejectVisitRequest(rejected.request.id, reason: "人员不符", by: site.service)
        site.now = approved.view.request.windowEnd.addingTimeInterval(3600)
        _ = try site.core.registry.terminateContract(approved.contract.number, by: site.service)
        #expect(try site.core.passes.visitRequest(approved.view.request.id, by: site.service).status == "closed")
        #expect(try site.core.passes.visitRequest(rejected.request.id, by: site.service).status == "rejected")
    }

    @Test func emergencyPassesSurviveWhileAnotherContractIsInForceC9() throws {
        let site = try TestSite()
        let (client, first) = try site.company()
        _ = try site.core.registry.addContract(
            NewContract(
                number: "HT-1B", clientId: client.id, startsOn: "2026-01-01", endsOn: "2027-06-30", racks: ["A02"],
                serverQuota: 2), by: site.service)
        _ = try site.core.registry.activateContract("HT-1B", by: site.service)
        let pass = try #require(try site.approvedEmergency(clientId: client.id).passes.first)
        _ = try site.core.registry.terminateContract(first.number, by: site.service)
        #expect(try site.decision(pass).isGranted)
    }
}
