import Foundation
import Testing

@testable import ColopassCore

@Suite("Fault reports, analysis reports, act first and paper after (K3, K4)")
struct FaultReportTests {
    @Test func aFaultWithoutTimePlaceSymptomOrPlanIsRefusedK3Details() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let partial = FaultDetails(at: site.now, place: "A 区", symptom: "断电", plan: nil)
        #expect(
            site.refusalClause {
                _ = try site.core.serviceDesk.open(
                    NewTicket(clientId: client.id, kind: .fault, channel: .phone, subject: "断电", words: "断电了", fault: partial),
                    by: site.service)
            } == "K3.details")
        #expect(try site.count("ticket") == 0)
    }

    @Test func aFaultTellsTheAccountManagerAndTheDutySupervisorAtOnceK3() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        _ = site.supervisor
        let manager = try site.account("kefu2", .customerService)
        _ = try site.core.serviceDesk.assignAccountManager(clientId: client.id, account: manager.name, by: site.service)
        let view = try site.fault(client.id)
        let told = try #require(view.events.first { $0.kind == .notified })
        #expect(told.target == "kefu2,boss" && told.at == site.now)
        #expect(view.ticket.faultPlace == "A 区 A01–A08 机柜" && view.ticket.faultPlan != nil)
        #expect(try site.auditTrail().contains { $0.action == "ticket.notify" && $0.clause == "K3" })
    }

    @Test func aFaultClosedWithoutItsAnalysisReportStaysOpenInTheReportK3() throws {
        // given: a fault, resolved, no analysis report
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let view = try site.fault(client.id)
        site.advance(hours: 2)
        _ = try site.core.serviceDesk.resolve(view.ticket.id, resolution: "已恢复供电", by: site.service)
        // then
        var report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.faults == 1 && report.totals.faultsOpen == 1 && report.totals.faultsReported == 0)
        #expect(report.faults.map(\.open) == [true])
        // when: the report is written, it is still open until it reaches the client
        let analysis = NewFaultAnalysis(
            impact: "A 区 8 个机柜停电 40 分钟", handling: "切换备用 PDU", cause: "主路空开老化跳闸",
            corrective: "更换空开", preventive: "每季度检测空开")
        _ = try site.core.serviceDesk.writeAnalysis(view.ticket.id, analysis, by: site.service)
        report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.faultsOpen == 1)
        let delivered = try site.core.serviceDesk.deliverAnalysis(view.ticket.id, to: "客户运维 李娜", by: site.service)
        report = try site.report("2026-11-01", "2026-11-30")
        #expect(report.totals.faultsOpen == 0 && report.totals.faultsReported == 1)
        #expect(delivered.analysisHTML(site.core.policy)?.contains("主路空开老化跳闸") == true)
        #expect(
            site.refusalClause { _ = try site.core.serviceDesk.writeAnalysis(view.ticket.id, analysis, by: site.service) }
                == "K3.delivery")
    }

    @Test func anAnalysisReportLackingAPartIsRefusedK3Analysis() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let view = try site.fault(client.id)
        let lacking = NewFaultAnalysis(impact: "停电", handling: "切换", cause: "", corrective: "更换", preventive: "检测")
        #expect(site.refusalClause { _ = try site.core.serviceDesk.writeAnalysis(view.ticket.id, lacking, by: site.service) } == "K3.analysis")
        let request = try site.core.serviceDesk.open(
            NewTicket(clientId: client.id, kind: .request, channel: .phone, subject: "x", words: "y"), by: site.service)
        let full = NewFaultAnalysis(impact: "a", handling: "b", cause: "c", corrective: "d", preventive: "e")
        #expect(site.refusalClause { _ = try site.core.serviceDesk.writeAnalysis(request.ticket.id, full, by: site.service) } == "K3.not_fault")
    }

    @Test func workDoneFirstOwesTheContactFormWithinTheSetHoursK4() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let hours = site.core.policy.serviceDesk.contactFormHours
        let opened = try site.core.serviceDesk.open(
            NewTicket(
                clientId: client.id, kind: .fault, channel: .phone, subject: "交换机端口故障", words: "网络断了",
                fault: FaultDetails(at: site.now, place: "SW-A01", symptom: "端口 12 不通", plan: "换端口"),
                actedFirst: true), by: site.service)
        #expect(opened.ticket.contactFormDue == site.now.addingTimeInterval(Double(hours) * 3600))
        site.advance(hours: Double(hours) + 0.1)
        #expect(try site.core.serviceDesk.ticket(opened.ticket.id, by: site.service).overdue == [.contactForm])
        #expect(try site.core.serviceDesk.overdueTickets(by: site.service).map(\.ticket.id) == [opened.ticket.id])
        let filed = try site.core.serviceDesk.recordContactForm(opened.ticket.id, reference: "LLD-2026-118", by: site.service)
        #expect(filed.overdue.isEmpty)
        #expect(
            site.refusalClause { _ = try site.core.serviceDesk.recordContactForm(opened.ticket.id, reference: "x", by: site.service) }
                == "K4.form")
    }
}
