import Foundation
import Testing

/// The guard's station page in a real browser, served by `gate-check station` from a replica
/// whose service has gone away: the scanner types into the page (WebDriver's keys here), the
/// verdict, the photo and the confirmation show. Screenshots under `.build/test-output/browser/`.
@Suite("gate-check station in a real browser", .serialized)
struct StationBrowserTests {
    @Test(.enabled(if: ServerBrowserTests.installed, "chromium and chromium-driver are installed by `make deps`"))
    func aGrantedScanShowsThePhotoALostCardIsRedC4AndASlipAsksForConfirmation() throws {
        // given: two cards, the second reported lost, and a decommission slip for today
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        var credentials: [String] = []
        var numbers: [String] = []
        for person in ["1", "3"] {
            let issued = try sandbox.run(["card", "issue", "--person", person, "--json", "--out", "badge\(person)"], as: "kefu")
            let card = try #require(issued.json["card"] as? [String: Any], "\(issued)")
            credentials.append(try #require(card["credential"] as? String))
            numbers.append(try #require(card["number"] as? String))
        }
        #expect(try sandbox.run(["card", "lost", numbers[1]], as: "kefu").status == 0)
        let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassServerTests/Fixtures"
        let filed = try sandbox.run(
            [
                "removal", "file", "--kind", "decommission", "--client", "1", "--item", "CN7Y0B01", "--date",
                ServerBrowserTests.today(), "--mover", "王强:310115199007042347", "--application", fixtures + "/letter.pdf",
                "--json",
            ], as: "yunzhan")
        let removal = try #require((filed.json["request"] as? [String: Any])?["number"] as? String, "\(filed)")
        #expect(try sandbox.run(["removal", "check", removal, "--serial", "CN7Y0B01"], as: "kefu").status == 0)
        let approved = try sandbox.run(["removal", "approve", removal, "--json"], as: "kefu")
        let slip = try #require((approved.json["exit_slip"] as? [String: Any])?["credential"] as? String, "\(approved)")
        // a gate synchronised over HTTP (photos included), then the service stops
        let gateToken = try #require(
            try sandbox.run(["token", "issue", "baoan", "--kind", "gate", "--label", "A", "--json"], as: "admin").json["token"] as? String)
        let port = try ServerGateSyncTests.freePort()
        let server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        let gate = GateCLI(sandbox: sandbox)
        #expect(try gate.run(["init", "--server", "http://127.0.0.1:\(port)", "--token", gateToken]).status == 0)
        #expect(try gate.run(["sync", "--server", "http://127.0.0.1:\(port)", "--token", gateToken]).status == 0)
        #expect(server.stop() == 0)
        // two stations on the one replica: the way in and the way out
        let inPort = try ServerGateSyncTests.freePort()
        let outPort = try ServerGateSyncTests.freePort()
        let stationIn = try gate.start(["station", "--gate", "A", "--direction", "in", "--port", String(inPort)], name: "station-in")
        let stationOut = try gate.start(["station", "--gate", "A", "--direction", "out", "--port", String(outPort)], name: "station-out")
        defer {
            for station in [stationIn, stationOut] {
                station.terminate()
                station.waitUntilExit()
            }
        }
        for port in [inPort, outPort] {
            #expect(try GateCLI.within(30) { (try? ServerGateSyncTests.get("http://127.0.0.1:\(port)/state")) != nil } != nil)
        }
        let browser = try WebDriver.start()
        defer { browser.quit() }
        let shots = ServerBrowserTests.screenshots
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let enter = "\u{E007}"

        // when: the guard at the way in scans the first card
        try browser.go("http://127.0.0.1:\(inPort)/")
        try browser.type("#scan", credentials[0] + enter)
        // then: green, Chinese first, the holder's photo and the last four of the ID
        #expect(browser.eventually { try $0.exists("#verdict.granted") })
        #expect(try browser.exists("#photo[src^='/photo/']"))
        let granted = try browser.source()
        #expect(granted.contains("准许通行") && granted.contains("GRANTED"))
        #expect(browser.eventually { try $0.source().contains("Inside now: <span id=\"total\">1</span>") })
        try browser.shoot(shots + "/20-station-granted.png")

        // the lost card: red, with its clause
        try browser.type("#scan", credentials[1] + enter)
        #expect(browser.eventually { try $0.exists("#verdict.denied") })
        let denied = try browser.source()
        #expect(denied.contains("拒绝通行") && denied.contains("C4.lost"), "\(denied)")
        try browser.shoot(shots + "/21-station-lost-C4.png")

        // the slip at the way out: asked first, granted once the guard confirms
        try browser.go("http://127.0.0.1:\(outPort)/")
        try browser.type("#scan", slip + enter)
        #expect(browser.eventually { try $0.exists("#ask:not([hidden])") })
        let asked = try browser.source()
        #expect(asked.contains("CN7Y0B01") && asked.contains("王强"), "the slip's items and movers are shown")
        try browser.shoot(shots + "/22-station-slip-asks.png")
        try browser.click("#confirm-yes")
        #expect(browser.eventually { try $0.exists("#verdict.granted") })
        try browser.shoot(shots + "/23-station-slip-confirmed.png")
        // the sync state says the service is out of reach no more than it is: last sync shown
        #expect(try browser.source().contains("上次同步 / last sync: 20"))
    }
}
