import Foundation
import Testing

@testable import ColopassCore

@Suite("Follow-up calls, needs surveys, holiday duty (K5, K7, K8)")
struct FollowUpAndDutyTests {
    @Test func followUpsAreMonthlyThroughTheFirstYearThenQuarterlyK5() throws {
        let rules = try TestSite.shippedPolicy().serviceDesk
        let schedule = FollowUpSchedule(start: Day("2025-06-10")!, rules: rules)
        let dates = schedule.dates(from: Day("2025-01-01")!, through: Day("2027-01-31")!).map(\.description)
        #expect(
            dates == [
                "2025-07-10", "2025-08-10", "2025-09-10", "2025-10-10", "2025-11-10", "2025-12-10", "2026-01-10",
                "2026-02-10", "2026-03-10", "2026-04-10", "2026-05-10", "2026-06-10",
                "2026-09-10", "2026-12-10",
            ])
        // a month-end start keeps to the month's last day
        let endOfMonth = FollowUpSchedule(start: Day("2026-01-31")!, rules: rules)
        #expect(endOfMonth.dates(from: Day("2026-02-01")!, through: Day("2026-04-30")!).map(\.description) == ["2026-02-28", "2026-03-31", "2026-04-30"])
    }

    @Test func aMissedCallShowsOverdueAndARecordedCallClearsItsDateK5() throws {
        // given: a client whose first contract started 2025-06-10, seen on 2026-06-25
        let site = try TestSite(now: ISO8601DateFormatter().date(from: "2026-06-25T02:00:00Z")!)
        let client = try site.core.registry.addClient(
            NewClient(kind: .company, name: "北京云栈科技有限公司", creditCode: "91110108MA01ABCD1E"), by: site.service)
        _ = try site.core.registry.addContract(
            NewContract(number: "HT-1", clientId: client.id, startsOn: "2025-06-10", endsOn: "2027-06-09", racks: ["A01"], serverQuota: 4),
            by: site.service)
        _ = try site.core.registry.activateContract("HT-1", by: site.service)
        // when
        let due = try site.core.serviceDesk.followUpsDue(by: site.service)
        // then: the calls of the past year not made are missed; the anniversary call is the last
        #expect(due.last?.dueOn.description == "2026-06-10")
        #expect(due.allSatisfy { $0.overdue })
        let call = try site.core.serviceDesk.recordFollowUp(clientId: client.id, note: "客户满意，计划扩容", by: site.service)
        #expect(call.dueOn.description == "2026-06-10")
        #expect(try site.core.serviceDesk.followUpsDue(by: site.service).last?.dueOn.description == "2026-05-10")
        #expect(site.refusalClause { _ = try site.core.serviceDesk.recordFollowUp(clientId: client.id, note: "再打一次", by: site.service) } == "K5.none")
        // the next one is quarterly: 2026-09-10
        site.now = ISO8601DateFormatter().date(from: "2026-09-05T02:00:00Z")!
        #expect(try site.core.serviceDesk.recordFollowUp(clientId: client.id, note: "季度回访", by: site.service).dueOn.description == "2026-09-10")
        let report = try site.core.serviceDesk.serviceReport(
            span: .month, from: Day("2026-06-01")!, through: Day("2026-06-30")!, by: site.supervisor)
        #expect(report.totals.followUpsDone == 1 && report.totals.followUpsMissed == 0)
        let may = try site.core.serviceDesk.serviceReport(
            span: .month, from: Day("2026-05-01")!, through: Day("2026-05-31")!, by: site.supervisor)
        #expect(may.totals.followUpsDone == 0 && may.totals.followUpsMissed == 1)
    }

    @Test func aTicketOpenedOnNationalDayGoesToTheStaffOnDutyK8() throws {
        // given: kefu2 on duty on 2026-10-01
        let site = try TestSite(now: ISO8601DateFormatter().date(from: "2026-09-20T02:00:00Z")!)
        let (client, _) = try site.company()
        _ = try site.account("kefu2", .customerService)
        _ = try site.core.serviceDesk.setDuty(on: Day("2026-10-01")!, staff: ["kefu2"], by: site.supervisor)
        // when: cs takes a call on National Day
        site.now = ISO8601DateFormatter().date(from: "2026-10-01T03:00:00Z")!
        let view = try site.complaint(client.id)
        // then
        #expect(view.ticket.owner == "kefu2" && view.ticket.holiday)
        #expect(view.events.contains { $0.kind == .routed && $0.target == "kefu2" })
        // and the day after the holiday the receiver owns what they receive
        site.now = ISO8601DateFormatter().date(from: "2026-10-08T03:00:00Z")!
        #expect(try site.complaint(client.id).ticket.owner == "cs")
    }

    @Test func aDutyRosterForADayThatIsNoHolidayIsRefusedK8Day() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        #expect(site.refusalClause { _ = try site.core.serviceDesk.setDuty(on: Day("2026-10-09")!, staff: ["cs"], by: site.supervisor) } == "K8.day")
        _ = site.guardOnDuty
        #expect(site.refusalClause { _ = try site.core.serviceDesk.setDuty(on: Day("2027-01-01")!, staff: ["gate1"], by: site.supervisor) } == "K8.staff")
        #expect(site.refusalClause { _ = try site.core.serviceDesk.setDuty(on: Day("2027-01-01")!, staff: ["cs"], by: site.service) } == "R1.role")
        #expect(try site.core.serviceDesk.setDuty(on: Day("2027-01-01")!, staff: ["cs"], by: site.supervisor).map(\.account) == ["cs"])
    }

    @Test func eachDecemberEveryActiveClientGetsOneNeedsSurveyK7() throws {
        let site = try TestSite(now: ISO8601DateFormatter().date(from: "2026-11-30T02:00:00Z")!)
        let (client, _) = try site.company()
        #expect(try site.core.serviceDesk.runClock().surveysCreated == 0)
        site.now = ISO8601DateFormatter().date(from: "2026-12-01T02:00:00Z")!
        #expect(try site.core.serviceDesk.runClock().surveysCreated == 1)
        #expect(try site.core.serviceDesk.runClock().surveysCreated == 0)
        let surveys = try site.core.serviceDesk.needsSurveys(by: site.service)
        #expect(surveys.map { "\($0.clientId) \($0.year) \($0.doneAt == nil)" } == ["\(client.id) 2027 true"])
        _ = try site.core.serviceDesk.recordNeedsSurvey(clientId: client.id, note: "明年加 2 个机柜", by: site.service)
        #expect(site.refusalClause { _ = try site.core.serviceDesk.recordNeedsSurvey(clientId: client.id, note: "again", by: site.service) } == "K7.done")
    }
}
