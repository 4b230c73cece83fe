import ColopassCore
import Foundation
import Testing

/// The client's side on a phone (Chromium emulating a 390 × 844 screen) against the real
/// `colopass serve` with the demo site: the client's administrator opens its roster and asks
/// for a card, files a temporary entry for three visitors with its host and a removal for
/// repair with two movers, withdraws it, and opens its access log. No page is wider than the
/// screen. Screenshots: `.build/test-output/browser/phone-*.png`.
@Suite("The client portal on a phone", .serialized)
struct PortalPhoneBrowserTests {
    static let shots = ServerBrowserTests.screenshots

    /// Site time (Asia/Shanghai) `hours` from now, on the hour, as a datetime-local picker holds it.
    static func pickerTime(hoursFromNow hours: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:00"
        return formatter.string(from: Date().addingTimeInterval(hours * 3600))
    }

    /// Nothing sticks out sideways: the page is no wider than the phone's screen.
    static func fitsTheScreen(_ browser: WebDriver) throws -> Bool {
        try browser.script("return document.documentElement.scrollWidth <= window.innerWidth") as? Bool ?? false
    }

    @Test(.enabled(if: ServerBrowserTests.installed, "chromium and chromium-driver are installed by `make deps`"))
    func theClientsAdministratorWorksThePortalOnAPhone() throws {
        // given: the demo site (云栈科技: 李娜 may host, 王强 may move, one server not yet on a
        // removal), the service running, a browser as wide as a phone
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let port = try ServerGateSyncTests.freePort()
        let server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        defer { _ = server.stop() }
        let passwords = ServerBrowserTests.passwords(in: server.output).merging(sandbox.firstPasswords) { $1 }
        let base = "http://127.0.0.1:\(port)"
        let browser = try WebDriver.start(phone: (390, 844))
        defer { browser.quit() }
        try FileManager.default.createDirectory(atPath: Self.shots, withIntermediateDirectories: true)
        let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassServerTests/Fixtures"
        #expect(try browser.script("return window.innerWidth") as? Int == 390)

        // the client's administrator signs in
        try browser.go(base + "/web/signin")
        try browser.type("#name", "yunzhan")
        try browser.type("#password", try #require(passwords["yunzhan"], "\(server.output)"))
        try browser.click("#submit")
        #expect(browser.eventually { try $0.url().hasSuffix("/web/portal") })
        #expect(try browser.source().contains("href=\"/web/portal/roster\""), "the menu leads to the roster")
        #expect(try Self.fitsTheScreen(browser))
        try browser.shoot(Self.shots + "/phone-01-portal.png")

        // the roster: people, grants, and a card asked for 李娜
        try browser.go(base + "/web/portal/roster")
        #expect(browser.eventually { try $0.exists("#roster") })
        let roster = try browser.source()
        #expect(roster.contains("李娜") && roster.contains("王强") && roster.contains("**************1234"))
        #expect(try Self.fitsTheScreen(browser))
        try browser.shoot(Self.shots + "/phone-02-roster.png")
        try browser.click("#person-1 button.request-card")
        #expect(browser.eventually { try $0.url().contains("done=") })
        #expect(try browser.exists("#person-1 button.withdraw-card-request"), "the waiting request can be withdrawn")
        #expect(try !browser.exists("#person-1 button.request-card"), "no second request while one waits")
        #expect(try browser.source().contains("data-status=\"filed\""))
        try browser.shoot(Self.shots + "/phone-03-card-requested.png")

        // a temporary entry for three visitors, hosted by 李娜, with the sealed letter
        try browser.go(base + "/web/portal/visit")
        #expect(browser.eventually { try $0.exists("#visit-form") })
        #expect(try browser.source().contains("id=\"checks\""), "the core's checks are shown before filing")
        try browser.type("#reason", "更换故障硬盘 / replace a failed disk")
        _ = try browser.script(
            "document.querySelector('#window_start').value = arguments[0]; document.querySelector('#window_end').value = arguments[1];"
                + "document.querySelector('#host').value = '1';",
            [Self.pickerTime(hoursFromNow: 26), Self.pickerTime(hoursFromNow: 29)])
        for (row, (name, id)) in [("陈静", "440305199211203459"), ("赵六", "110108197910014561"), ("钱七", "11010519491231002X")]
            .enumerated()
        {
            try browser.type("#visitor_name_\(row + 1)", name)
            try browser.type("#visitor_id_\(row + 1)", id)
        }
        try browser.type("#letter", fixtures + "/letter.pdf")
        #expect(try Self.fitsTheScreen(browser))
        try browser.shoot(Self.shots + "/phone-04-visit-form.png")
        try browser.click("#file-visit-submit")
        #expect(browser.eventually { try $0.url().contains("/web/portal?done=filed") }, "\((try? browser.source()) ?? "")")
        let afterVisit = try browser.source()
        #expect(afterVisit.contains("陈静") && afterVisit.contains("赵六") && afterVisit.contains("钱七"))

        // a removal for repair with two movers: 王强 (granted may-move) and an outside porter
        try browser.go(base + "/web/portal/removal")
        #expect(browser.eventually { try $0.exists("#removal-form") })
        let form = try browser.source()
        #expect(form.contains("检修搬出 (Q5)") && !form.contains("维修出门"), "one name for the repair removal")
        #expect(form.contains("CN7Y0B01") && !form.contains("CN7Y0B02"), "the server already on a removal is not offered")
        try browser.click("#items input[type=checkbox]")
        try browser.type("#mover_name_1", "王强")
        try browser.type("#mover_id_1", "310115199007042347")
        try browser.type("#mover_id_copy_1", fixtures + "/id-copy.png")
        try browser.type("#mover_name_2", "搬运工")
        try browser.type("#mover_id_2", "110108197910014561")
        try browser.type("#mover_id_copy_2", fixtures + "/id-copy.png")
        try browser.type("#application_scan", fixtures + "/letter.pdf")
        #expect(try Self.fitsTheScreen(browser))
        try browser.shoot(Self.shots + "/phone-05-removal-form.png")
        try browser.click("#file-removal-submit")
        #expect(browser.eventually { try $0.url().contains("/web/portal?done=filed") }, "\((try? browser.source()) ?? "")")
        let portal = try browser.source()
        #expect(portal.contains("检修搬出") && portal.contains("王强") && portal.contains("搬运工"))
        #expect(try Self.fitsTheScreen(browser), "the stacked tables fit the phone")
        try browser.shoot(Self.shots + "/phone-06-portal-filed.png")
        // and withdraws it while undecided
        try browser.click("#removals form[action$='/cancel'] button")
        #expect(browser.eventually { try $0.url().contains("done=cancelled") })
        #expect(try browser.source().contains("data-status=\"cancelled\""))

        // the access log: by person and dates, with its CSV
        try browser.go(base + "/web/portal/access-log")
        #expect(browser.eventually { try $0.exists("#access-log") })
        _ = try browser.script("document.querySelector('#person').value = '2';")
        try browser.click("#filter")
        #expect(browser.eventually { try $0.url().contains("person=2") })
        let csv = try #require(try browser.script("return document.querySelector('#csv').getAttribute('href')") as? String)
        #expect(csv.hasPrefix("/api/clients/1/access-log.csv?") && csv.contains("person=2"))
        #expect(try Self.fitsTheScreen(browser))
        try browser.shoot(Self.shots + "/phone-07-access-log.png")
    }
}
