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

    /// The day after tomorrow in site time (Asia/Shanghai) at `time`, as a datetime-local picker holds it.
    static func pickerTime(_ time: String) -> String { siteDay(offset: 2) + "T" + time }

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
        // 王强 holds a card, went in at gate A three hours ago (a second try in was refused) and out again
        let issued = try sandbox.run(["card", "issue", "--person", "2", "--json"], as: "kefu")
        let card = try #require(
            (try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any])?["card"] as? [String: Any], "\(issued)")
        let cardId = try #require(card["id"] as? Int)
        let events = [
            (3.0, GateEvent.Direction.in, GateEvent.Result.granted, nil as String?),
            (2.5, .in, .denied, "G2.passback"), (1.0, .out, .granted, nil),
        ].enumerated().map { index, event in
            GateEvent(
                id: "phone-\(index)", gate: "A", direction: event.1, at: Date().addingTimeInterval(-event.0 * 3600),
                kind: .accessCard, credentialId: UInt32(cardId), generation: 1, result: event.2, reason: event.3,
                clause: event.3, confirmed: false, holderName: "王强")
        }
        try JSONCoding.encoder.encode(GateEventBatch(events: events)).write(to: URL(fileURLWithPath: sandbox.directory + "/events.json"))
        let carried = try sandbox.run(["gate", "events", "--from-file", sandbox.directory + "/events.json"], as: "baoan")
        #expect(carried.status == 0, "\(carried)")
        let port = try ServerGateSyncTests.freePort()
        let server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        defer { _ = server.stop() }
        let passwords = ServerBrowserTests.passwords(in: server.output).merging(sandbox.firstPasswords) { $1 }
        let base = "http://127.0.0.1:\(port)"
        let browser = try WebDriver.start(phone: (390, 844))
        defer { browser.quit() }
        try FileManager.default.createDirectory(atPath: Self.shots, withIntermediateDirectories: true)
        let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassServerTests/Fixtures"

        // the client's administrator signs in
        try browser.go(base + "/web/signin")
        try browser.type("#name", "yunzhan")
        try browser.type("#password", try #require(passwords["yunzhan"], "\(server.output)"))
        try browser.click("#submit")
        #expect(browser.eventually { try $0.url().hasSuffix("/web/portal") })
        #expect(try browser.source().contains("href=\"/web/portal/roster\""), "the menu leads to the roster")
        #expect(try browser.script("return window.innerWidth") as? Int == 390)
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
            [Self.pickerTime("09:00"), Self.pickerTime("12:00")])
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
        #expect(browser.eventually { try $0.exists("#access-log") })
        let log = try browser.source()
        #expect(log.contains("王强") && log.contains("data-result=\"denied\"") && log.contains("[G2.passback]"), "\(log)")
        #expect(log.contains("3 条记录"))
        _ = try browser.script("document.querySelector('#person').value = '1';")
        try browser.click("#filter")
        #expect(browser.eventually { try $0.url().contains("person=1") })
        #expect(try browser.source().contains("0 条记录"), "李娜 went nowhere")
        try browser.shoot(Self.shots + "/phone-08-access-log-one-person.png")
        _ = try browser.script("document.querySelector('#person').value = '2';")
        try browser.click("#filter")
        #expect(browser.eventually { try $0.url().contains("person=2") })
        let csv = try #require(try browser.script("return document.querySelector('#csv').getAttribute('href')") as? String)
        #expect(csv.hasPrefix("/api/clients/1/access-log.csv?") && csv.contains("person=2"))
        #expect(try Self.fitsTheScreen(browser))
        try browser.shoot(Self.shots + "/phone-07-access-log.png")
    }
}
