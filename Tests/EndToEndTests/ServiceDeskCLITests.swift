import Foundation
import Testing

/// The service desk through the built `colopass` binary: a complaint received by phone, a refused
/// hand-over (exit 3 with its clause), a reply with a solution, and the month's supervision report
/// written as HTML and as CSV with a byte-order mark and Chinese headers.
@Suite struct ServiceDeskCLITests {
    @Test func aComplaintThroughTheDeskAndTheMonthlyReportK1K2K9() throws {
        // given
        let cli = try CLISandbox()
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let today = Calendar(identifier: .gregorian).dateComponents(in: zone, from: Date())
        let month = String(format: "%04d-%02d", today.year!, today.month!)
        for (arguments, actor) in [
            (["init"], nil),
            (["operator", "add", "zhou", "--role", "customer_service"], "admin"),
            (["operator", "add", "wu", "--role", "customer_service"], "admin"),
            (["client", "add", "--kind", "company", "--name", "北京云栈科技有限公司", "--credit-code", "91110108MA01ABCD1E"], "zhou"),
        ] as [([String], String?)] {
            let result = try cli.run(arguments, as: actor)
            try #require(result.status == 0, "\(arguments): \(result)")
        }
        // when
        let opened = try cli.run(
            ["ticket", "open", "--client", "1", "--kind", "complaint", "--subject", "机柜温度过高", "--words", "已经第二次反映了"],
            as: "zhou")
        #expect(opened.status == 0, "\(opened)")
        #expect(opened.stdout.contains("zhou") && opened.stdout.contains("已经第二次反映了"))
        let refused = try cli.run(["ticket", "transfer", "1", "--to", "wu"], as: "zhou")
        #expect(refused.status == 3 && refused.stderr.contains("K1.reason"), "\(refused)")
        let unanswered = try cli.run(["ticket", "reply", "1", "--text", "收到"], as: "zhou")
        #expect(unanswered.status == 3 && unanswered.stderr.contains("K2.solution"), "\(unanswered)")
        #expect(try cli.run(["ticket", "reply", "1", "--text", "已安排", "--solution", "加装空调"], as: "zhou").status == 0)
        let list = try cli.run(["ticket", "list", "--owner", "me"], as: "zhou")
        #expect(list.status == 0 && list.stdout.contains("机柜温度过高"))
        // then
        let report = try cli.run(["report", "service", "--month", month, "--out", "reports"], as: "zhou")
        #expect(report.status == 0, "\(report)")
        let csv = try Data(contentsOf: URL(fileURLWithPath: cli.directory + "/reports/service-\(month).csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("受理 / received") && text.contains("员工 / staff,zhou,1,1,1"))
        let html = try String(contentsOfFile: cli.directory + "/reports/service-\(month).html", encoding: .utf8)
        #expect(html.contains("@page { size: A4") && html.contains("服务监督报告"))
    }
}
