import Foundation
import Testing

@testable import ColopassCore

@Suite("Complaints on the clock: reply in 24 hours, resolved in 3 days, escalation (K2)")
struct ComplaintClockTests {
    @Test func complaintAnsweredAt23h59IsAnsweredInTimeK2() throws {
        // given
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let opened = try site.complaint(client.id)
        #expect(opened.ticket.replyDue == site.now.addingTimeInterval(24 * 3600))
        // when
        site.advance(minutes: 23 * 60 + 59)
        #expect(try site.core.serviceDesk.ticket(opened.ticket.id, by: site.service).overdue.isEmpty)
        let answered = try site.core.serviceDesk.reply(
            opened.ticket.id, text: "已安排空调检修", solution: "今天下午加装一台精密空调，明早复测", by: site.service)
        // then
        #expect(answered.ticket.state == .answered)
        #expect(answered.overdue.isEmpty)
        let report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.answered == 1 && report.totals.answeredInTime == 1 && report.totals.overdue == 0)
    }

    @Test func complaintAnsweredAt24h01IsLateAndOverdueK2Reply() throws {
        // given
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let opened = try site.complaint(client.id)
        // when
        site.advance(minutes: 24 * 60 + 1)
        // then
        #expect(try site.core.serviceDesk.ticket(opened.ticket.id, by: site.service).overdue == [.reply])
        #expect(Ticket.Deadline.reply.clause.code == "K2.reply")
        _ = try site.core.serviceDesk.reply(
            opened.ticket.id, text: "抱歉回复晚了", solution: "加装空调", by: site.service)
        let report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.answered == 1 && report.totals.answeredInTime == 0 && report.totals.overdue == 1)
    }

    @Test func complaintReplyWithoutAProposedSolutionIsRefusedK2Solution() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let opened = try site.complaint(client.id)
        #expect(site.refusalClause { _ = try site.core.serviceDesk.reply(opened.ticket.id, text: "收到", by: site.service) } == "K2.solution")
        #expect(try site.core.serviceDesk.ticket(opened.ticket.id, by: site.service).ticket.answeredAt == nil)
        #expect(try site.lastAudit().clause == "K2.solution")
    }

    @Test func complaintResolvedOnDay3IsInTimeK2() throws {
        // given: received Tuesday 09:00, the third day ends Friday 09:00 at the site
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let opened = try site.complaint(client.id)
        #expect(opened.ticket.resolveDue == ISO8601DateFormatter().date(from: "2026-11-13T01:00:00Z"))
        _ = try site.core.serviceDesk.reply(opened.ticket.id, text: "已处理", solution: "加装空调", by: site.service)
        // when: day 3, an hour before the deadline
        site.advance(hours: 71)
        let resolved = try site.core.serviceDesk.resolve(opened.ticket.id, resolution: "温度已降到 24 度", by: site.service)
        // then
        #expect(resolved.ticket.state == .resolved && resolved.overdue.isEmpty)
        let report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.resolvedInTime == 1 && report.totals.overdue == 0)
    }

    @Test func complaintUnresolvedOnDay4IsOverdueK2Resolve() throws {
        // given
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let opened = try site.complaint(client.id)
        _ = try site.core.serviceDesk.reply(opened.ticket.id, text: "已处理", solution: "加装空调", by: site.service)
        // when: day 4
        site.advance(hours: 73)
        // then
        #expect(try site.core.serviceDesk.ticket(opened.ticket.id, by: site.service).overdue == [.resolve])
        _ = try site.core.serviceDesk.resolve(opened.ticket.id, resolution: "温度已降到 24 度", by: site.service)
        let report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.resolved == 1 && report.totals.resolvedInTime == 0 && report.totals.overdue == 1)
    }

    @Test func escalationJobRunTwiceEscalatesOnceK2() throws {
        // given: a complaint left unanswered past its reply deadline
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        _ = site.supervisor
        let opened = try site.complaint(client.id)
        site.advance(hours: 25)
        // when: the clock runs twice (a restart between), then again past resolution
        let first = try site.core.serviceDesk.runClock()
        let second = try site.core.serviceDesk.runClock()
        // then
        #expect(first.escalated == 1 && second.escalated == 0)
        let view = try site.core.serviceDesk.ticket(opened.ticket.id, by: site.supervisor)
        #expect(view.events.filter { $0.kind == .escalated }.count == 1)
        #expect(view.events.last?.target == "boss")
        #expect(try site.auditTrail().filter { $0.action == "ticket.escalate" }.map(\.clause) == ["K2.reply"])
        site.advance(hours: 72)
        #expect(try site.core.serviceDesk.runClock().escalated == 1)
        #expect(try site.core.serviceDesk.runClock().escalated == 0)
        #expect(try site.auditTrail().filter { $0.action == "ticket.escalate" }.map(\.clause) == ["K2.reply", "K2.resolve"])
    }

    @Test func supervisorHandsOverAComplaintPastResolutionButNotBeforeK2() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let other = try site.account("kefu2", .customerService)
        let opened = try site.complaint(client.id)
        _ = try site.core.serviceDesk.reply(opened.ticket.id, text: "处理中", solution: "加装空调", by: site.service)
        // before the deadline the owner decides
        #expect(
            site.refusalClause {
                _ = try site.core.serviceDesk.transfer(opened.ticket.id, to: other.name, reason: "人手调整", by: site.supervisor)
            } == "K1.owner")
        // past resolution the supervisor may reassign
        site.advance(hours: 73)
        let moved = try site.core.serviceDesk.transfer(
            opened.ticket.id, to: other.name, reason: "超过解决时限，改派", by: site.supervisor)
        #expect(moved.ticket.owner == "kefu2")
        #expect(moved.events.last?.kind == .transferred && moved.events.last?.target == "kefu2")
    }
}
