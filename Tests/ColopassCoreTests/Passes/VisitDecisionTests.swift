import Foundation
import Testing

@testable import ColopassCore

@Suite("Approving, rejecting and cancelling temporary entry (C7, R2)")
struct VisitDecisionTests {
    @Test func approvalIssuesOneSignedPassPerVisitorForTheWindowC7() throws {
        // given
        let site = try TestSite()
        let filed = try site.filedRequest()
        let seq = try site.lastSeq()
        // when
        let view = try site.core.passes.approveVisitRequest(filed.view.request.id, by: site.service)
        // then
        #expect(view.status == "approved")
        #expect(view.request.decidedBy == "cs")
        #expect(view.passes.count == 2)
        for (pass, visitor) in zip(view.passes, view.visitors) {
            let signed = try #require(SignedCredential.parse(pass.pass.credential))
            #expect(signed.credential.kind == .temporaryPass)
            #expect(Int64(signed.credential.credentialId) == pass.pass.id)
            #expect(signed.credential.validFromDate == view.request.windowStart)
            #expect(signed.credential.validUntilDate == view.request.windowEnd)
            #expect(pass.pass.number.hasPrefix("TP-DC1-") && CheckCharacter.isValid(pass.pass.number))
            #expect(pass.pass.visitorName == visitor.name)
            #expect(pass.pass.escortRequired)
            #expect(pass.status == "active")
        }
        // one audit record per change: the approval, then each pass (the site's first signature
        // also creates its key); ID numbers masked in all
        let records = try site.audit(after: seq).filter { $0.action != "key.create" }
        #expect(records.map(\.action) == ["visit.approve", "temporary_pass.issue", "temporary_pass.issue"])
        #expect(records.allSatisfy { $0.after?.contains("310115199007042347") == false })
        #expect(try site.count("temporary_pass") == 2)
    }

    @Test(arguments: [Role.supervisor, .guard, .admin])
    func approvalByAnyoneButCustomerServiceIsRefusedAndAuditedC7Approver(role: Role) throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        let other = try site.account("someone", role)
        #expect(
            site.refusalClause { _ = try site.core.passes.approveVisitRequest(filed.view.request.id, by: other) }
                == "C7.approver")
        let record = try site.lastAudit()
        #expect(record.outcome == .refused && record.clause == "C7.approver" && record.actor == "someone")
        #expect(try site.count("temporary_pass") == 0)
        #expect(try site.core.passes.visitRequest(filed.view.request.id, by: site.service).status == "filed")
    }

    @Test func clientUserCannotApproveItsOwnClientsRequestC7Approver() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        let colleague = try site.clientUser(filed.client.id, name: "yunzhan2")
        #expect(
            site.refusalClause { _ = try site.core.passes.approveVisitRequest(filed.view.request.id, by: colleague) }
                == "C7.approver")
    }

    @Test func noOneDecidesTheirOwnRequestR2Self() throws {
        // given: customer service filed it on the client's behalf
        let site = try TestSite()
        let (client, _) = try site.company()
        let filed = try site.core.passes.fileVisitRequest(site.newRequest(client.id), by: site.service)
        // when / then: the same person may neither approve nor reject it
        #expect(
            site.refusalClause { _ = try site.core.passes.approveVisitRequest(filed.request.id, by: site.service) }
                == "R2.self")
        #expect(
            site.refusalClause {
                _ = try site.core.passes.rejectVisitRequest(filed.request.id, reason: "重复", by: site.service)
            } == "R2.self")
        #expect(try site.count("temporary_pass") == 0)
        // another customer-service operator may
        let colleague = try site.account("cs2", .customerService)
        #expect(try site.core.passes.approveVisitRequest(filed.request.id, by: colleague).passes.count == 2)
    }

    @Test func rejectionNeedsAReasonAndIssuesNoPassC7() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        #expect(
            invalidField(
                coreError { try site.core.passes.rejectVisitRequest(filed.view.request.id, reason: " ", by: site.service) })
                == "reason")
        let view = try site.core.passes.rejectVisitRequest(filed.view.request.id, reason: "介绍信未盖公章", by: site.service)
        #expect(view.status == "rejected")
        #expect(view.request.decisionReason == "介绍信未盖公章")
        #expect(view.passes.isEmpty)
        #expect(
            site.refusalClause { _ = try site.core.passes.approveVisitRequest(filed.view.request.id, by: site.service) }
                == "C7.state")
    }

    @Test func requesterCancelsBeforeApprovalButNotAfterC7Cancel() throws {
        let site = try TestSite()
        let first = try site.filedRequest()
        let cancelled = try site.core.passes.cancelVisitRequest(first.view.request.id, reason: "改期", by: first.user)
        #expect(cancelled.status == "cancelled" && cancelled.request.decidedBy == "yunzhan")
        // an approved request is no longer the requester's to withdraw
        let second = try site.core.passes.fileVisitRequest(site.newRequest(first.client.id), by: first.user)
        _ = try site.core.passes.approveVisitRequest(second.request.id, by: site.service)
        #expect(
            site.refusalClause { _ = try site.core.passes.cancelVisitRequest(second.request.id, by: first.user) } == "C7.state"
        )
    }

    @Test func onlyTheRequesterOrCustomerServiceCancelsC7Cancel() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        let colleague = try site.clientUser(filed.client.id, name: "yunzhan2")
        #expect(
            site.refusalClause { _ = try site.core.passes.cancelVisitRequest(filed.view.request.id, by: colleague) }
                == "C7.cancel")
        #expect(
            site.refusalClause { _ = try site.core.passes.cancelVisitRequest(filed.view.request.id, by: site.supervisor) }
                == "R1.role")
        #expect(try site.core.passes.cancelVisitRequest(filed.view.request.id, by: site.service).status == "cancelled")
    }

    @Test func customerServiceCancellingAnApprovedRequestRevokesItsPassesC7() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let seq = try site.lastSeq()
        let view = try site.core.passes.cancelVisitRequest(approved.view.request.id, reason: "客户撤回", by: site.service)
        #expect(view.status == "cancelled")
        #expect(view.passes.allSatisfy { $0.pass.status == .revoked && $0.pass.revokedAt != nil })
        #expect(
            try site.audit(after: seq).map(\.action) == [
                "visit.cancel", "temporary_pass.revoke", "temporary_pass.revoke",
            ])
    }

    @Test func approvedRequestClosesWhenItsWindowEndsC7() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        site.now = approved.view.request.windowEnd
        let view = try site.core.passes.visitRequest(approved.view.request.id, by: site.service)
        #expect(view.status == "closed")
        #expect(view.passes.allSatisfy { $0.status == "expired" })
        #expect(
            site.refusalClause { _ = try site.core.passes.cancelVisitRequest(approved.view.request.id, by: site.service) }
                == "C7.state")
    }

    @Test func requestWhoseWindowIsOverCannotBeApprovedC7Window() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        site.now = filed.view.request.windowEnd.addingTimeInterval(60)
        #expect(
            site.refusalClause { _ = try site.core.passes.approveVisitRequest(filed.view.request.id, by: site.service) }
                == "C7.window")
    }

    @Test func clientSeesItsOwnRequestsOnlyR3() throws {
        let site = try TestSite()
        let filed = try site.filedRequest()
        let (other, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        _ = try site.core.passes.fileVisitRequest(site.newRequest(other.id), by: site.service)
        let stranger = try site.clientUser(other.id, name: "shuqiao")
        #expect(try site.core.passes.visitRequests(by: filed.user).map(\.request.clientId) == [filed.client.id])
        #expect(try site.core.passes.visitRequests(by: site.service).count == 2)
        #expect(
            site.refusalClause { _ = try site.core.passes.visitRequest(filed.view.request.id, by: stranger) } == "R3.client")
        #expect(
            coreError { try site.core.passes.visitRequest(99, by: site.service) }
                == .notFound(entity: "visit request", key: "99"))
    }
}
