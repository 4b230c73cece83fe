import ColopassCore
import Foundation
import Testing

/// The desk's side of a door alert in a real Chromium against `colopass serve` with the demo site:
/// a holder let out at gate east on a card reported lost (G3) is counted on the dashboard, listed
/// on the door alerts page the menu leads to, and acknowledged with the row's button; who and when
/// stay on it. Screenshots to `.build/test-output/browser/alerts-*.png`.
@Suite("Door alerts in a real browser", .serialized)
struct GateAlertsBrowserTests {
    static let shots = ServerBrowserTests.screenshots

    @Test(.enabled(if: ServerBrowserTests.installed, "chromium and chromium-driver are installed by `make deps`"))
    func theDeskAcknowledgesALetOutFromTheAlertsPage() throws {
        // given: the demo site, a card of 云栈科技 reported lost, and gate east's upload that let its holder out
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let issued = try sandbox.run(["card", "issue", "--person", "1", "--json", "--out", "badge"], as: "kefu")
        let card = try #require(issued.json["card"] as? [String: Any], "\(issued)")
        let number = try #require(card["number"] as? String)
        #expect(try sandbox.run(["card", "lost", number], as: "kefu").status == 0)
        do {
            let core = try Core(
                dataDirectory: sandbox.dataDirectory, policy: try Policy.load(contentsOf: CLISandbox.repositoryRoot + "/policies/site.yaml"))
            let lost = try core.cards.card(try CardNumber(number), by: try core.accounts.actor(named: "kefu")).card
            _ = try core.gate.recordGateEvents(
                [
                    GateEvent(
                        id: "east-0001", gate: "east", direction: .out, at: Date(), kind: .accessCard,
                        credentialId: UInt32(lost.id), generation: UInt16(lost.generation), result: .granted, reason: "lost",
                        clause: "C4.lost", confirmed: false, holderName: "李娜")
                ], by: try core.accounts.actor(named: "baoan"))
        }
        let served = try ServedInBrowser(sandbox)
        defer { served.close() }
        let (browser, base, passwords) = (served.browser, served.base, served.passwords)

        // when: the clerk signs in, sees the count, follows the menu to the alerts
        try browser.go(base + "/web/signin")
        try browser.type("#name", "kefu")
        try browser.type("#password", try #require(passwords["kefu"], "\(served.server.output)"))
        try browser.click("#submit")
        #expect(browser.eventually { try $0.exists("#count-gate-alerts") })
        try browser.click("nav a[href='/web/gate-alerts']")
        #expect(browser.eventually { try $0.exists("#gate-alerts tr.let_out") })
        let page = try browser.source()
        #expect(page.contains("C4.lost") && page.contains("east") && page.contains("李娜"))
        #expect(page.contains("east 放行出门，但证件已失效（证件已挂失）：请核实此人"))
        try browser.shoot(Self.shots + "/alerts-01-open.png")
        // and acknowledges it with the row's button
        try browser.click("#gate-alerts tr.let_out form button")
        #expect(browser.eventually { try $0.url().contains("done=acknowledged") })

        // then: gone from the open list; with the acknowledged ones, it shows who
        #expect(try !browser.exists("#gate-alerts tr.let_out"))
        try browser.click("#show-all")
        #expect(browser.eventually { try $0.exists("#gate-alerts tr.let_out") })
        #expect(try browser.source().contains("kefu 20"))
        #expect(try !browser.exists("#gate-alerts tr.let_out form button"))
        try browser.shoot(Self.shots + "/alerts-02-acknowledged.png")
    }
}
