import Foundation
import GRDB
import Testing

@testable import ColopassCore

@Suite("Emergency entry: supervisor approval, ID check at the door, review (C6)")
struct EmergencyTests {
    @Test func supervisorApprovesAnEmergencyForAnActiveClientC6() throws {
        // given
        let site = try TestSite()
        let (client, _) = try site.company()
        // when
        let view = try site.approvedEmergency(clientId: client.id, hours: 3)
        // then
        #expect(view.entry.approvedBy == "boss")
        #expect(view.entry.windowStart == site.now)
        #expect(view.entry.windowEnd == site.now.addingTimeInterval(3 * 3600))
        #expect(view.awaitingReview)
        let pass = try #require(view.passes.first)
        #expect(pass.pass.number.hasPrefix("EP-DC1-"))
        #expect(pass.pass.idNumber == "**************4561")
        #expect(!pass.pass.escortRequired)
        #expect(try site.core.passes.emergencies(awaitingReview: true, by: site.supervisor).map(\.entry.id) == [view.entry.id])
        let record = try #require(try site.auditTrail().first { $0.action == "emergency.approve" })
        #expect(record.clause == "C6")
    }

    @Test(arguments: [Role.customerService, .guard, .admin])
    func emergencyApprovalByAnyoneButASupervisorIsRefusedC6Approver(role: Role) throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let other = try site.account("someone", role)
        let input = NewEmergency(
            clientId: client.id, staff: [NewVisitor(name: "赵工", idNumber: "110108197910014561")], reason: "断电", hours: 1
        )
        #expect(site.refusalClause { _ = try site.core.passes.approveEmergency(input, by: other) } == "C6.approver")
        let record = try site.lastAudit()
        #expect(record.outcome == .refused && record.clause == "C6.approver")
        #expect(try site.count("emergency_pass") == 0)
    }

    @Test func emergencyWindowLongerThanThePolicyIsRefusedC6Window() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        #expect(site.refusalClause { _ = try site.approvedEmergency(clientId: client.id, hours: 4.5) } == "C6.window")
        #expect(try site.count("emergency_entry") == 0)
        _ = try site.approvedEmergency(clientId: client.id, hours: 4)
    }

    @Test func emergencyWithoutStaffOrWithANonPositiveWindowIsInvalidInput() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let boss = site.supervisor
        let before = try site.passSnapshot()
        func approve(_ staff: [NewVisitor], hours: Double) -> String? {
            invalidField(
                coreError {
                    try site.core.passes.approveEmergency(
                        NewEmergency(clientId: client.id, staff: staff, reason: "断电", hours: hours), by: boss)
                })
        }
        let engineer = NewVisitor(name: "赵工", idNumber: "110108197910014561")
        #expect(approve([], hours: 1) == "staff")
        #expect(approve([engineer], hours: 0) == "hours")
        #expect(approve([engineer], hours: .nan) == "hours")
        #expect(approve([NewVisitor(name: "赵工", idNumber: "110108197910014562")], hours: 1) == "staff[0].id_number")
        #expect(try site.passSnapshot() == before)
    }

    @Test func inactiveClientGetsNoEmergencyEntryC6Client() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        try site.core.store.pool.write { db in try db.execute(sql: "UPDATE client SET status = 'inactive'") }
        #expect(site.refusalClause { _ = try site.approvedEmergency(clientId: client.id) } == "C6.client")
    }

    @Test func emergencyNeedsNoContractInForceC6() throws {
        // C6 names no contract: an active client whose renewal is still a draft can get its repair done.
        let site = try TestSite()
        let client = try site.core.registry.addClient(
            NewClient(kind: .company, name: "续约中公司", creditCode: "91310115MA1K3XY72K"), by: site.service)
        let pass = try #require(try site.approvedEmergency(clientId: client.id).passes.first)
        #expect(try site.decision(pass).isGranted)
    }

    @Test func guardRecordsThatTheIDShownMatchesC6() throws {
        // given
        let site = try TestSite()
        let (client, _) = try site.company()
        let pass = try #require(try site.approvedEmergency(clientId: client.id).passes.first)
        func confirm(_ shown: String, by actor: Actor) -> String? {
            site.refusalClause { _ = try site.core.passes.confirmEmergencyID(try PassNumber.Of<EmergencyPassKind>(pass.pass.number), idNumber: shown, by: actor) }
        }
        // a document that is not the approved one is refused, and nothing is recorded
        #expect(confirm("110105198503121234", by: site.guardOnDuty) == "C6.id_mismatch")
        // only a guard confirms
        #expect(confirm("110108197910014561", by: site.supervisor) == "R1.role")
        #expect(try site.visitLog().last?.event == .passIssued)
        // when
        site.advance(hours: 0.25)
        let confirmed = try site.core.passes.confirmEmergencyID(
            try PassNumber.Of<EmergencyPassKind>(pass.pass.number.lowercased()), idNumber: " 110108197910014561 ", by: site.guardOnDuty)
        // then: who and when are kept on the pass, and in the visitor log
        #expect(confirmed.idConfirmedBy == "gate1")
        #expect(confirmed.idConfirmedAt == site.now)
        #expect(try site.visitLog().last?.event == .idConfirmed)
        #expect(confirm("110108197910014561", by: site.guardOnDuty) == "C6.state")
    }

    @Test func supervisorReviewTakesTheEmergencyOffTheReviewListC6() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let view = try site.approvedEmergency(clientId: client.id)
        let colleague = try site.account("boss2", .supervisor)
        #expect(
            invalidField(coreError { try site.core.passes.reviewEmergency(view.entry.id, note: "", by: colleague) }) == "note")
        let reviewed = try site.core.passes.reviewEmergency(view.entry.id, note: "维修记录齐全", by: colleague)
        #expect(!reviewed.awaitingReview && reviewed.entry.reviewNote == "维修记录齐全")
        #expect(try site.core.passes.emergencies(awaitingReview: true, by: colleague).isEmpty)
        #expect(try site.core.passes.emergencies(by: colleague).count == 1)
        #expect(
            site.refusalClause { _ = try site.core.passes.reviewEmergency(view.entry.id, note: "again", by: colleague) }
                == "C6.reviewed")
        #expect(
            site.refusalClause { _ = try site.core.passes.reviewEmergency(view.entry.id, note: "x", by: site.service) }
                == "C6.approver")
    }

    @Test func supervisorCannotReviewTheirOwnApprovalR2Self() throws {
        let site = try TestSite()
        let (client, _) = try site.company()
        let view = try site.approvedEmergency(clientId: client.id)
        #expect(
            site.refusalClause { _ = try site.core.passes.reviewEmergency(view.entry.id, note: "ok", by: site.supervisor) }
                == "R2.self")
        #expect(try site.core.passes.emergency(view.entry.id, by: site.supervisor).awaitingReview)
    }
}
