import Foundation
import Testing

@testable import ColopassCore

@Suite("Visitor log: what is kept, listing and retention (R4)")
struct VisitLogTests {
    @Test func filingApprovalAndTheIDCheckAreLoggedWithMaskedIDsR4() throws {
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let emergency = try #require(try site.approvedEmergency(clientId: approved.client.id).passes.first)
        _ = try site.core.passes.confirmEmergencyID(
            try PassNumber.Of<EmergencyPassKind>(emergency.pass.number), idNumber: "110108197910014561", by: site.guardOnDuty)
        let log = try site.visitLog()
        #expect(log.map(\.event) == [.filed, .filed, .passIssued, .passIssued, .passIssued, .idConfirmed])
        #expect(log.map(\.kind) == [.temporary, .temporary, .temporary, .temporary, .emergency, .emergency])
        #expect(log[2].passNumber == approved.view.passes[0].pass.number && log[2].recordedBy == "cs")
        #expect(log.allSatisfy { $0.idMasked.hasPrefix("*") && $0.idMasked.count == 18 })
    }

    @Test func gateRecordsEntriesAndExitsOfPassHoldersR4() throws {
        // given
        let site = try TestSite()
        let approved = try site.approvedRequest()
        let pass = try #require(approved.view.passes.first)
        let inside = pass.pass.validFrom.addingTimeInterval(600)
        // when
        let entry = try site.core.passes.recordVisit(
            passKind: .temporaryPass, passId: pass.pass.id, direction: .entry, at: inside, gate: "东门",
            by: site.guardOnDuty)
        _ = try site.core.passes.recordVisit(
            passKind: .temporaryPass, passId: pass.pass.id, direction: .exit, at: inside.addingTimeInterval(3600),
            gate: "东门", by: site.guardOnDuty)
        // then
        #expect(entry.event == .entry && entry.gate == "东门" && entry.passNumber == pass.pass.number)
        #expect(try site.lastAudit().action == "visit.exit")
        let day = Day(inside, in: site.core.policy.site.timeZone)
        let rows = try site.core.passes.visitorLog(from: day, to: day, by: site.supervisor)
        #expect(rows.map(\.entry.event) == [.entry, .exit])
        #expect(rows.allSatisfy { $0.clientName == "北京云栈科技有限公司" })
    }

    @Test func onlyTheGateRecordsVisitsR1Role() throws {
        let site = try TestSite()
        let pass = try #require(try site.approvedRequest().view.passes.first)
        #expect(
            site.refusalClause {
                _ = try site.core.passes.recordVisit(
                    passKind: .temporaryPass, passId: pass.pass.id, direction: .entry, at: site.now, gate: "东门",
                    by: site.service)
            } == "R1.role")
        #expect(
            invalidField(
                coreError {
                    try site.core.passes.recordVisit(
                        passKind: .accessCard, passId: 1, direction: .entry, at: site.now, gate: "东门",
                        by: site.guardOnDuty)
                }) == "pass_kind")
        #expect(
            coreError {
                try site.core.passes.recordVisit(
                    passKind: .emergencyPass, passId: 42, direction: .entry, at: site.now, gate: "东门",
                    by: site.guardOnDuty)
            } == .notFound(entity: "emergency pass", key: "42"))
    }

    @Test func logIsListedByDateRangeAndClientR4() throws {
        let site = try TestSite()
        let first = try site.filedRequest()
        let (other, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        site.advance(hours: 48)
        _ = try site.core.passes.fileVisitRequest(
            site.newRequest(other.id, visitors: [TestSite.twoVisitors[0]]), by: site.service)
        let zone = site.core.policy.site.timeZone
        let day1 = Day(first.view.request.requestedAt, in: zone)
        let day3 = Day(site.now, in: zone)
        #expect(try site.core.passes.visitorLog(from: day1, to: day1, by: site.service).count == 2)
        #expect(try site.core.passes.visitorLog(from: day1, to: day3, by: site.service).count == 3)
        #expect(try site.core.passes.visitorLog(from: day1, to: day3, clientId: other.id, by: site.service).count == 1)
        #expect(invalidField(coreError { try site.core.passes.visitorLog(from: day3, to: day1, by: site.service) }) == "to")
        #expect(
            site.refusalClause { _ = try site.core.passes.visitorLog(from: day1, to: day3, by: site.guardOnDuty) } == "R1.role"
        )
    }

    @Test func purgeDeletesRowsOlderThanTheRetentionAndKeepsYoungerOnesR4() throws {
        // given: entries just before, exactly at and just after the retention limit, and today
        let site = try TestSite()
        let pass = try #require(try site.approvedRequest().view.passes.first)
        let retention = TimeInterval(site.core.policy.parameters.visitorLogRetentionDays) * 86_400
        let logged = site.now
        let later = logged.addingTimeInterval(retention + 3600)
        let limit = later.addingTimeInterval(-retention)
        for at in [limit.addingTimeInterval(-1), limit, limit.addingTimeInterval(1), later] {
            _ = try site.core.passes.recordVisit(
                passKind: .temporaryPass, passId: pass.pass.id, direction: .entry, at: at, gate: "东门",
                by: site.guardOnDuty)
        }
        let before = try site.visitLog()
        // when: the purge runs a retention and an hour after the request was filed and approved
        site.now = later
        let deleted = try site.core.passes.purgeVisitorLog(by: site.admin)
        // then: the 4 rows from filing and approval and the one a second too old are gone
        #expect(deleted == 5)
        let kept = try site.visitLog()
        #expect(kept.map(\.at) == [limit, limit.addingTimeInterval(1), later])
        #expect(Set(kept.map(\.id)).isSubset(of: Set(before.map(\.id))))
        let record = try site.lastAudit()
        #expect(record.action == "visitor_log.purge" && record.clause == "R4")
        #expect(record.after?.contains("\"deleted\":5") == true)
        // and a second purge finds nothing more to delete
        #expect(try site.core.passes.purgeVisitorLog(by: site.admin) == 0)
    }

    @Test func shippedRetentionKeepsTheLogAtLeastNinetyDaysR4() throws {
        let site = try TestSite()
        _ = try site.filedRequest()
        site.advance(hours: 24 * 90)
        #expect(try site.core.passes.purgeVisitorLog(by: site.admin) == 0)
        #expect(try site.count("visit_log") == 2)
    }
}
