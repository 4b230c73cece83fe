import ColopassCore
import Foundation
import Testing

/// The clerk's equipment jobs through the pages only, in a real Chromium against `colopass serve`
/// with the demo site: a work order written for a client (Q1: 24 h ahead, on the contract's
/// racks), its server added and the order issued; the demo's order due this morning accepted at
/// the door of the room; the accepted server's IP and port read on the addresses page (Q3); and
/// the admin adds an IP pool. Screenshots to `.build/test-output/browser/equipment-*.png`.
@Suite("The clerk's equipment jobs in a real browser", .serialized)
struct ServerBrowserEquipmentTests {
    static let shots = ServerBrowserTests.screenshots

    @Test(.enabled(if: ServerBrowserTests.installed, "chromium and chromium-driver are installed by `make deps`"))
    func aClerkWritesAWorkOrderAcceptsTodaysServerAndReadsItsAddresses() throws {
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let served = try ServedInBrowser(sandbox)
        defer { served.close() }
        let (browser, base) = (served.browser, served.base)
        let day = ServerBrowserDayTests()
        try day.signIn(browser, base, "kefu", try #require(served.passwords["kefu"]))

        // A new work order, racking in three days at 10:00 site time (Q1: at least 24 h ahead)
        try browser.go(base + "/web/work-orders")
        #expect(browser.eventually { try $0.exists("#create-work-order") })
        try browser.click("#wo-contract option[value='HT-2026-001']")
        // a datetime-local input takes its value from a script, as a picker would set it
        _ = try browser.script(
            "document.querySelector('#wo-planned').value = arguments[0]", [siteDay(offset: 3) + "T10:00"])
        try browser.type("#wo-note", "扩容一台 / one more server")
        try browser.shoot(Self.shots + "/equipment-01-new-work-order.png")
        try browser.click("#wo-create")
        #expect(browser.eventually { try $0.exists("#add-item") })
        #expect(try browser.source().contains(siteDay(offset: 3) + " 10:00"), "the racking time in site time")
        try browser.click("#item-kind option[value=server]")
        try browser.type("#item-brand", "Lenovo")
        try browser.type("#item-model", "SR650 V2")
        try browser.type("#item-serial", "J30ABC01")
        try browser.click("#item-rack option[value=A01]")
        try browser.type("#item-u", "30")
        try browser.click("#add-item-button")
        #expect(browser.eventually { try $0.source().contains("J30ABC01") })
        try browser.shoot(Self.shots + "/equipment-02-item-added.png")
        try browser.click("#issue-button")
        #expect(browser.eventually { try $0.source().contains("data-status=\"issued\"") })
        #expect(try !browser.exists("#add-item"), "an issued order takes no more items")
        try browser.shoot(Self.shots + "/equipment-03-issued.png")

        // The order due this morning: its server accepted line by line
        try browser.go(base + "/web/work-orders?q=CN7Y0C01")
        #expect(browser.eventually { try $0.exists("#work-orders tbody a") })
        try browser.click("#work-orders tbody a")
        #expect(browser.eventually { try $0.exists("form[action$='/accept'] button") })
        try browser.shoot(Self.shots + "/equipment-04-due-order.png")
        try browser.click("form[action$='/accept'] button")
        #expect(browser.eventually { try !$0.exists("form[action$='/accept'] button") })
        #expect(try browser.source().contains("1/1"))
        try browser.shoot(Self.shots + "/equipment-05-accepted.png")

        // Its address and port on the addresses page (Q3: one of each), and a new IP pool
        try browser.go(base + "/web/addresses")
        #expect(browser.eventually { try $0.exists("#servers") })
        let row = try #require(try browser.source().components(separatedBy: "<tr>").first { $0.contains("CN7Y0C01") })
        #expect(row.contains("10.20.0.") && row.contains("SW-A01"), "\(row)")
        #expect(try !browser.exists("#add-ip-pool"), "pools are the admin's")
        try browser.shoot(Self.shots + "/equipment-06-addresses.png")
        try day.signOut(browser)

        // The admin adds an IP pool
        try day.signIn(browser, base, "admin", try #require(served.passwords["admin"]))
        try browser.go(base + "/web/addresses")
        #expect(browser.eventually { try $0.exists("#add-ip-pool") })
        try browser.type("#cidr", "10.30.0.0/28")
        try browser.click("#add-ip-pool button")
        #expect(browser.eventually { try $0.source().contains("10.30.0.0/28") })
        try browser.shoot(Self.shots + "/equipment-07-new-pool.png")
    }
}
