import Foundation
import Testing

@testable import ColopassCore

@Suite("Temporary and emergency passes at the verifier (C6, C7)")
struct PassVerificationTests {
    @Test func temporaryPassUsedOutsideItsWindowIsDeniedC7Window() throws {
        // given: an approved request whose window starts in 24 hours
        let site = try TestSite()
        let pass = try #require(try site.approvedRequest().view.passes.first)
        // then: before, inside and after the window
        #expect(try site.decision(pass).denyReason == .outsideWindow)
        site.now = pass.pass.validFrom
        #expect(try site.decision(pass).isGranted)
        site.now = pass.pass.validUntil.addingTimeInterval(-1)
        #expect(try site.decision(pass).isGranted)
        site.now = pass.pass.validUntil
        #expect(try site.decision(pass).denyReason == .outsideWindow)
    }

    @Test func passOfACancelledRequestIsDeniedC7() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let pass = try #require(approved.view.passes.first)
        site.now = pass.pass.validFrom.addingTimeInterval(60)
        #expect(try site.decision(pass).isGranted)
        _ = try site.core.passes.cancelVisitRequest(approved.view.request.id, reason: "客户撤回", by: site.service)
        #expect(try site.decision(pass).denyReason == .visitWithdrawn)
    }

    @Test func temporaryPassIsDeniedWhileItsContractIsSuspendedC7Contract() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let pass = try #require(approved.view.passes.first)
        _ = try site.core.registry.suspendContract(approved.contract.number, by: site.service)
        site.now = pass.pass.validFrom.addingTimeInterval(60)
        #expect(try site.decision(pass).denyReason == .contractEnded)
    }

    @Test func emergencyPassIsGrantedFromApprovalToTheEndOfItsWindowC6() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let pass = try #require(try site.approvedEmergency(clientId: client.id, hours: 2).passes.first)
        let signed = try #require(SignedCredential.parse(pass.pass.credential))
        #expect(signed.credential.kind == .emergencyPass)
        #expect(try site.decision(pass).isGranted)
        site.advance(hours: 2)
        #expect(try site.decision(pass).denyReason == .emergencyOutsideWindow)
    }

    @Test func unknownPassIdIsDeniedAsUnknown() throws {
        // given: a pass signed by the site key but deleted from the records (never happens in use)
        let site = try TestSite()
        let pass = try #require(try site.approvedRequest().view.passes.first)
        try site.core.store.pool.write { db in try db.execute(sql: "DELETE FROM temporary_pass") }
        site.now = pass.pass.validFrom
        #expect(try site.decision(pass).denyReason == .unknownCredential)
    }
}
