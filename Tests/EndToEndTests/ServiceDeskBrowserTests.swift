import ColopassCore
import Foundation
import Testing

/// The service desk's day through the pages, in a real Chromium against `colopass serve` with the
/// demo site: the clerk takes a complaint by phone, is refused a reply without a solution (K2) and
/// a hand-over without a reason (K1), answers and hands it over; writes the demo fault's analysis
/// report and delivers it (K3); the supervisor reads the month's report and puts the clerk on
/// holiday duty (K8); the client reads the answer on its own ticket. Screenshots go to
/// `.build/test-output/browser/desk-*.png`; the assertions read the pages.
@Suite("The service desk in a real browser", .serialized)
struct ServiceDeskBrowserTests {
    static let shots = ServerBrowserTests.screenshots
    let day = ServerBrowserDayTests()

    @Test(.enabled(if: ServerBrowserTests.installed, "chromium and chromium-driver are installed by `make deps`"))
    func theDeskTakesAnswersHandsOverAndReportsThroughThePages() throws {
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let served = try ServedInBrowser(sandbox)
        defer { served.close() }
        let (browser, base, passwords) = (served.browser, served.base, served.passwords)

        // The clerk's desk: the demo's complaint waits in "my tickets"
        try day.signIn(browser, base, "kefu", try #require(passwords["kefu"]))
        try browser.go(base + "/web/desk")
        #expect(browser.eventually { try $0.source().contains("A01 机柜温度过高") })
        try browser.shoot(Self.shots + "/desk-01-desk.png")
        // takes a complaint by phone
        try browser.click("#ticket-client option:nth-child(1)")
        try browser.click("#ticket-kind option[value=complaint]")
        try browser.click("#ticket-channel option[value=phone]")
        try browser.type("#ticket-subject", "机房噪音过大")
        try browser.type("#ticket-words", "B 区噪音很大，值班人员无法通话")
        try browser.click("#open-ticket-button")
        #expect(browser.eventually { try $0.exists("#reply") })
        #expect(try browser.source().contains("答复期限 (K2)"))
        #expect(try browser.source().contains("周敏") || browser.source().contains("kefu"))
        let ticketURL = String(try browser.url().split(separator: "?")[0])
        try browser.shoot(Self.shots + "/desk-02-complaint-taken.png")
        // a complaint's reply without a solution is refused with its clause
        try browser.type("#reply-text", "我们会处理")
        try browser.click("#reply-button")
        #expect(browser.eventually { try $0.exists("#error") })
        #expect(try browser.source().contains("K2.solution") && browser.source().contains("解决方案"))
        try browser.shoot(Self.shots + "/desk-03-reply-refused-K2.png")
        // answered with a proposed solution
        try browser.go(ticketURL)
        try browser.type("#reply-text", "已派工程师到场检查")
        try browser.type("#reply-solution", "更换 B 区故障风扇，今晚 22 点前完成")
        try browser.click("#reply-button")
        #expect(browser.eventually { try $0.url().contains("done=reply") })
        #expect(try browser.source().contains("已答复"))
        // a hand-over without a reason is refused; with one it goes to the supervisor
        try browser.click("#transfer-to option[value=zhuguan]")
        try browser.click("#transfer-button")
        #expect(browser.eventually { try $0.exists("#error") })
        #expect(try browser.source().contains("K1.reason"))
        try browser.go(ticketURL)
        try browser.click("#transfer-to option[value=zhuguan]")
        try browser.type("#transfer-reason", "需要主管协调夜间施工")
        try browser.click("#transfer-button")
        #expect(browser.eventually { try $0.source().contains("<span id=\"ticket-owner\">zhuguan</span>") })
        #expect(try !browser.exists("#reply"), "the former owner is no longer offered the reply")
        try browser.shoot(Self.shots + "/desk-04-handed-over.png")

        // The demo fault: its analysis report written and delivered (K3), printable at A4
        try browser.go(base + "/web/desk")
        #expect(browser.eventually { try $0.source().contains("B07 机柜断电") })
        let desk = try browser.source()
        let row = try #require(desk.range(of: "B07 机柜断电"))
        let link = try #require(desk.range(of: "/web/tickets/", options: .backwards, range: desk.startIndex..<row.lowerBound))
        let faultID = desk[link.upperBound...].prefix { $0.isNumber }
        try browser.go(base + "/web/tickets/" + faultID)
        #expect(browser.eventually { try $0.exists("#write-analysis") })
        #expect(try browser.source().contains("B 区 B07 机柜"))
        try browser.type("#analysis-impact", "B07 机柜 12 台服务器停电 45 分钟")
        try browser.type("#analysis-handling", "切换备用 PDU，电工更换主路空开")
        try browser.type("#analysis-cause", "主路空开老化跳闸")
        try browser.type("#analysis-corrective", "更换 B 区全部同批次空开")
        try browser.type("#analysis-preventive", "每季度检测空开温升")
        try browser.click("#analysis-button")
        #expect(browser.eventually { try $0.exists("#analysis-pending") && $0.exists("#deliver-analysis") })
        try browser.type("#deliver-to", "数桥网络 陈静")
        try browser.click("#deliver-button")
        #expect(browser.eventually { try $0.exists("#analysis-delivered") })
        #expect(try browser.source().contains("数桥网络 陈静"))
        try browser.shoot(Self.shots + "/desk-05-analysis-delivered.png")
        try browser.click("#analysis")
        #expect(browser.eventually { try $0.source().contains("主路空开老化跳闸") })
        #expect(try browser.source().contains("size:A4") || browser.source().contains("size: A4"))
        try browser.shoot(Self.shots + "/desk-06-analysis-a4.png")
        try browser.go(base + "/web/desk")
        try day.signOut(browser)

        // The supervisor: this month's report, then the holiday duty roster
        try day.signIn(browser, base, "zhuguan", try #require(passwords["zhuguan"]))
        try browser.go(base + "/web/reports/service")
        #expect(browser.eventually { try $0.exists("#totals") })
        let report = try browser.source()
        #expect(report.contains("服务监督报告") && report.contains("B07 机柜断电") && report.contains("北京云栈科技有限公司"))
        try browser.shoot(Self.shots + "/desk-07-report.png")
        try browser.go(base + "/web/duty")
        #expect(browser.eventually { try $0.exists("#duty form input[name=staff]") })
        try browser.type("#duty form input[name=staff]", "kefu")
        try browser.click("#duty form button")
        #expect(browser.eventually { try $0.exists("#done") })
        #expect(try browser.source().contains("客服 周敏"))
        try browser.shoot(Self.shots + "/desk-08-duty.png")
        try day.signOut(browser)

        // The client reads the answer on its own ticket, and cannot answer it for the desk
        try day.signIn(browser, base, "yunzhan", try #require(passwords["yunzhan"]))
        try browser.go(base + "/web/portal/tickets")
        #expect(browser.eventually { try $0.source().contains("机房噪音过大") })
        #expect(try !browser.source().contains("B07 机柜断电"), "another client's fault stays out of sight")
        try browser.go(ticketURL)
        #expect(browser.eventually { try $0.source().contains("更换 B 区故障风扇") })
        #expect(try !browser.exists("#reply") && !browser.exists("#transfer"))
        try browser.shoot(Self.shots + "/desk-09-client-reads-answer.png")

        // and, as its administrator, adds a new engineer with the documents the desk will review
        let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassServerTests/Fixtures"
        try browser.go(base + "/web/portal/roster")
        try browser.click("#add-person")
        #expect(browser.eventually { try $0.exists("#person_name") })
        try browser.type("#person_name", "孙七")
        try browser.type("#person_id_number", "110101199003077897")
        try browser.type("#person_phone", "13800138007")
        try browser.type("#photo", fixtures + "/photo.png")
        try browser.type("#id_copy", fixtures + "/id-copy.png")
        try browser.type("#person_letter", fixtures + "/letter.pdf")
        try browser.click("#add-person")
        #expect(browser.eventually { try $0.url().contains("/web/portal/roster") && $0.source().contains("孙七") })
        try browser.shoot(Self.shots + "/desk-10-client-adds-person.png")
    }
}
