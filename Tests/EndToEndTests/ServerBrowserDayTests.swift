import ColopassCore
import Foundation
import Testing

/// Each role's day through the pages only, in a real Chromium against `colopass serve` with the
/// demo site: the clerk registers a company, its contract and a person with uploads, issues the
/// card and prints its badge, opens a pending visit's letter, ticks the C7 checklist, approves
/// and prints the pass; a supervisor approves an emergency and the second one reviews it; the
/// admin adds an account whose first sign-in forces a new password. Every step's screenshot goes
/// to `.build/test-output/browser/day-*.png`; the assertions read the pages.
@Suite("Each role's day in a real browser", .serialized)
struct ServerBrowserDayTests {
    static let shots = ServerBrowserTests.screenshots

    func signIn(_ browser: WebDriver, _ base: String, _ name: String, _ password: String) throws {
        try browser.go(base + "/web/signin")
        try browser.type("#name", name)
        try browser.type("#password", password)
        try browser.click("#submit")
        _ = browser.eventually { try !$0.url().hasSuffix("/web/signin") }
    }

    func signOut(_ browser: WebDriver) throws {
        try browser.click("header form button")
        _ = browser.eventually { try $0.url().contains("/web/signin") }
    }

    @Test(.enabled(if: ServerBrowserTests.installed, "chromium and chromium-driver are installed by `make deps`"))
    func eachRoleWalksItsDayThroughThePages() throws {
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let served = try ServedInBrowser(sandbox)
        defer { served.close() }
        let (browser, base, passwords) = (served.browser, served.base, served.passwords)
        let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassServerTests/Fixtures"

        // The clerk: today's work first
        try signIn(browser, base, "kefu", try #require(passwords["kefu"], "\(served.server.output)"))
        #expect(browser.eventually { try $0.exists("#count-visits-to-decide") })
        #expect(try browser.source().contains("今日工作"))
        try browser.shoot(Self.shots + "/day-01-clerk-dashboard.png")
        // registers a company
        try browser.go(base + "/web/clients")
        try browser.click("#new-company")
        try browser.type("#name", "深圳星河数据有限公司")
        try browser.type("#credit_code", "91440300MA5FABCD1Q")
        try browser.shoot(Self.shots + "/day-02-register-company.png")
        try browser.click("#register")
        #expect(browser.eventually { try $0.source().contains("客户：深圳星河数据有限公司") })
        // its contract, activated
        try browser.click("#new-contract")
        try browser.type("#number", "HT-XH-01")
        try browser.type("#starts_on", siteDay(offset: -1))
        try browser.type("#ends_on", siteDay(offset: 300))
        try browser.type("#racks", "B01")
        try browser.type("#server_quota", "4")
        try browser.click("#add-contract")
        #expect(browser.eventually { try $0.exists("#contracts form[action$='/activate'] button") })
        try browser.click("#contracts form[action$='/activate'] button")
        #expect(browser.eventually { try $0.source().contains("data-status=\"active\"") })
        // a person with photo, ID copy and letter
        try browser.click("#new-person")
        try browser.type("#person_name", "周九")
        try browser.type("#person_id_number", "110101199003077897")
        try browser.type("#person_phone", "13800138000")
        try browser.type("#photo", fixtures + "/photo.png")
        try browser.type("#id_copy", fixtures + "/id-copy.png")
        try browser.type("#person_letter", fixtures + "/letter.pdf")
        try browser.shoot(Self.shots + "/day-03-register-person.png")
        try browser.click("#add-person")
        #expect(browser.eventually { try $0.source().contains("周九") && $0.exists("#people form button") })
        try browser.shoot(Self.shots + "/day-04-client-with-person.png")
        // issues the card and prints the badge at CR80
        try browser.click("#people form button")
        #expect(browser.eventually { try $0.url().contains("/web/cards/") })
        #expect(try browser.source().contains("周九"))
        try browser.click("#badge")
        #expect(browser.eventually { try $0.exists("#badge-front svg") })
        #expect(try browser.exists("#badge-back svg") && browser.source().contains("size:85.6mm 54mm"))
        try browser.shoot(Self.shots + "/day-05-badge.png")
        // opens a pending visit beside its letter, ticks the checklist, approves, prints the pass
        try browser.go(base + "/web/visits?state=filed")
        try browser.click("a.decide")
        #expect(browser.eventually { try $0.exists("iframe#letter") })
        #expect(try browser.source().contains("加盖单位公章"))
        try browser.shoot(Self.shots + "/day-06-visit-with-letter.png")
        for check in ["reason", "time", "names", "id_numbers", "seal"] {
            try browser.click("#approve input[name=check_\(check)]")
        }
        try browser.click("#approve-button")
        #expect(browser.eventually { try $0.exists("#print-passes") })
        #expect(try browser.source().contains("data-status=\"approved\""))
        try browser.click("#print-passes")
        #expect(browser.eventually { try $0.source().contains("保安签字") })
        #expect(try browser.source().contains("size:105mm 148mm"))
        try browser.shoot(Self.shots + "/day-07-pass-a6.png")
        try signOut(browser)

        // A supervisor approves an emergency; the second one reviews it
        try signIn(browser, base, "zhuguan", try #require(passwords["zhuguan"]))
        try browser.go(base + "/web/emergencies")
        try browser.click("#new-emergency")
        try browser.type("#reason", "UPS 告警 / UPS alarm")
        try browser.type("#hours", "2")
        try browser.type("#visitor_name", "李娜")
        try browser.type("#visitor_id", "110105198503121234")
        try browser.click("#approve-emergency")
        #expect(browser.eventually { try $0.url().contains("/passes") })
        #expect(try browser.source().contains("<svg"))
        try browser.shoot(Self.shots + "/day-08-emergency-pass.png")
        try browser.go(base + "/web/emergencies")
        #expect(try !browser.exists("form[action$='/review']"), "no review of one's own approvals")
        try signOut(browser)
        try signIn(browser, base, "zhuguan2", try #require(passwords["zhuguan2"]))
        try browser.go(base + "/web/emergencies")
        #expect(browser.eventually { try $0.exists("form[action$='/review'] input[name=note]") })
        try browser.type("form[action$='/review'] input[name=note]", "已电话核实 / confirmed by phone")
        try browser.click("form[action$='/review'] button")
        #expect(browser.eventually { try $0.exists("#done") })
        try browser.shoot(Self.shots + "/day-09-emergency-reviewed.png")
        try signOut(browser)

        // The admin adds an account; its first sign-in forces a new password
        try signIn(browser, base, "admin", try #require(passwords["admin"]))
        try browser.go(base + "/web/accounts")
        try browser.type("#new-name", "baoan2")
        try browser.type("#new-display-name", "保安 吴磊")
        try browser.click("#new-role option[value=guard]")
        try browser.shoot(Self.shots + "/day-10-new-account.png")
        try browser.click("#add-account")
        #expect(browser.eventually { try $0.exists("#password") })
        let page = try browser.source()
        let match = try #require(page.range(of: #"<code id="password">[^<]+</code>"#, options: .regularExpression))
        let oneTime = String(page[match].dropFirst(20).dropLast(7))
        try browser.shoot(Self.shots + "/day-11-one-time-password.png")
        try signOut(browser)
        try signIn(browser, base, "baoan2", oneTime)
        #expect(browser.eventually { try $0.url().hasSuffix("/web/password") && $0.exists("#forced") })
        try browser.shoot(Self.shots + "/day-12-forced-change.png")
        try browser.type("#current", oneTime)
        try browser.type("#new-password", "baoan2 own passphrase")
        try browser.type("#again", "baoan2 own passphrase")
        try browser.click("#change")
        #expect(browser.eventually { try $0.url().contains("/web/signin") })
        try signIn(browser, base, "baoan2", "baoan2 own passphrase")
        #expect(browser.eventually { try $0.source().contains("保安 吴磊") })
        // the guard lands on who is inside and what the gates last sent
        #expect(try browser.url().hasSuffix("/web/inside") && browser.exists("#gates"))
        try browser.shoot(Self.shots + "/day-13-guard-home.png")
        try signOut(browser)

        // The admin reads the visitor log and the audit log, and verifies the chain
        try signIn(browser, base, "admin", try #require(passwords["admin"]))
        try browser.go(base + "/web/visitor-log?from=" + siteDay(offset: -30))
        #expect(browser.eventually { try $0.exists("#visitor-log") })
        #expect(try browser.source().contains("发放通行证"))
        try browser.shoot(Self.shots + "/day-14-visitor-log.png")
        try browser.go(base + "/web/audit")
        #expect(browser.eventually { try $0.exists("#audit") })
        #expect(try browser.source().contains("card.issue"))
        try browser.click("#verify-button")
        #expect(browser.eventually { try $0.exists("#intact") })
        try browser.shoot(Self.shots + "/day-15-audit-verified.png")
    }
}
