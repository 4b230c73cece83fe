import ColopassCore
import Foundation
import TestProcesses
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real browser (Debian's chromium, driven through chromium-driver over WebDriver) against the
/// real `colopass serve` with the demo site: customer service signs in, issues a card and opens
/// its badge; the client user files an equipment removal with its scans. Each page is saved as a
/// screenshot under `.build/test-output/browser/`.
@Suite("Console and portal in a real browser", .serialized)
struct ServerBrowserTests {
    static let driverPath = "/usr/bin/chromedriver"
    static let browserPath = "/usr/bin/chromium"
    static var installed: Bool {
        FileManager.default.isExecutableFile(atPath: driverPath) && FileManager.default.isExecutableFile(atPath: browserPath)
    }

    static let screenshots = CLISandbox.repositoryRoot + "/.build/test-output/browser"

    @Test(.enabled(if: installed, "chromium and chromium-driver are installed by `make deps`"))
    func customerServiceIssuesACardAndAClientFilesARemoval() throws {
        // given: the demo site (its client 1 has two servers racked today, one already up for
        // decommissioning), the service running
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let port = try ServerGateSyncTests.freePort()
        let server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        defer { _ = server.stop() }
        // `colopass init` printed the one-time passwords (a first `serve` would, on a site without)
        let passwords = Self.passwords(in: server.output).merging(sandbox.firstPasswords) { $1 }
        let kefu = try #require(passwords["kefu"], "\(server.output)")
        let yunzhan = try #require(passwords["yunzhan"])
        let base = "http://127.0.0.1:\(port)"
        let browser = try WebDriver.start()
        defer { browser.quit() }
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)

        // when: customer service signs in
        try browser.go(base + "/web/signin")
        try browser.type("#name", "kefu")
        try browser.type("#password", kefu)
        try browser.shoot(Self.screenshots + "/01-signin.png")
        try browser.click("#submit")
        #expect(browser.eventually { try $0.source().contains("工作台") })
        try browser.shoot(Self.screenshots + "/02-console.png")
        // issues a card to the first person of client 1 and opens the badge
        try browser.go(base + "/web/clients/1")
        try browser.shoot(Self.screenshots + "/03-client.png")
        try browser.click("#people form button")
        #expect(browser.eventually { try $0.url().contains("/web/cards/DC1-") })
        #expect(try browser.source().contains("id=\"done\""))
        try browser.shoot(Self.screenshots + "/04-card.png")
        try browser.click("#badge")
        #expect(browser.eventually { try $0.exists("#badge-front svg") })
        #expect(try browser.exists("#badge-back svg"))
        try browser.shoot(Self.screenshots + "/05-badge.png")
        try browser.click("header form button")
        #expect(browser.eventually { try $0.url().hasSuffix("/web/signin") })

        // the client user signs in, switches to English and files a removal with the scans
        try browser.type("#name", "yunzhan")
        try browser.type("#password", yunzhan)
        try browser.click("#submit")
        #expect(browser.eventually { try $0.url().hasSuffix("/web/portal") })
        try browser.click("#lang")
        #expect(browser.eventually { try $0.source().contains("Client portal") })
        try browser.shoot(Self.screenshots + "/06-portal.png")
        try browser.click("#file-removal")
        try browser.click("#items input[type=checkbox]")
        // the removal date is today unless changed (a date picker)
        #expect(try browser.script("return document.querySelector('#removal_date').value") as? String == Self.today())
        try browser.type("#mover_name_1", "搬运工")
        try browser.type("#mover_id_1", "110108197910014561")
        let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassServerTests/Fixtures"
        try browser.type("#mover_id_copy_1", fixtures + "/id-copy.png")
        try browser.type("#application_scan", fixtures + "/letter.pdf")
        try browser.shoot(Self.screenshots + "/07-removal-form.png")
        try browser.click("main form button")

        // then: the portal shows the request, filed
        #expect(browser.eventually { try $0.url().contains("/web/portal?done=filed") }, "\((try? browser.source()) ?? "")")
        let portal = try browser.source()
        #expect(portal.contains("CN7Y0B01") && portal.contains("filed"))
        try browser.shoot(Self.screenshots + "/08-portal-filed.png")
        let png = try #require(FileManager.default.contents(atPath: Self.screenshots + "/08-portal-filed.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// The one-time passwords `colopass serve` prints on its first start.
    static func passwords(in output: String) -> [String: String] {
        var found: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("  ") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { found[String(parts[0])] = String(parts[1]) }
        }
        return found
    }

    static func today() -> String { siteDay(offset: 0) }
}

/// Just enough of W3C WebDriver, over HTTP to a chromedriver this test starts and stops.
struct WebDriver {
    let driver: ChildProcess
    let base: String
    let session: String

    static let element = "element-6066-11e4-a52e-4f735466cecf"

    /// `phone`: the viewport's width and height in CSS pixels, as Chromium's device emulation
    /// sets them (a window narrower than the desktop's minimum), e.g. 390×844.
    static func start(phone: (width: Int, height: Int)? = nil) throws -> WebDriver {
        let port = try ServerGateSyncTests.freePort()
        let driver = ChildProcess()
        driver.executableURL = URL(fileURLWithPath: ServerBrowserTests.driverPath)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let base = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(30)
        while (try? call("GET", base + "/status")) == nil {
            guard Date() < deadline else {
                stop(driver)
                throw Failure(message: "chromedriver did not start")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        var options: [String: Any] = [
            "binary": ServerBrowserTests.browserPath,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"],
        ]
        if let phone {
            options["mobileEmulation"] = ["deviceMetrics": ["width": phone.width, "height": phone.height, "pixelRatio": 1, "touch": true]]
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["goog:chromeOptions": options]]]
        let created = try call("POST", base + "/session", capabilities)
        guard let id = (created["value"] as? [String: Any])?["sessionId"] as? String else {
            stop(driver)
            throw Failure(message: "no WebDriver session: \(created)")
        }
        return WebDriver(driver: driver, base: base, session: base + "/session/" + id)
    }

    /// Clicks that submit a form return before the next page has loaded: what follows is polled.
    func eventually(within seconds: TimeInterval = 20, _ condition: (WebDriver) throws -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if (try? condition(self)) == true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return false
    }

    func go(_ url: String) throws { _ = try Self.call("POST", session + "/url", ["url": url]) }
    func url() throws -> String { try Self.call("GET", session + "/url")["value"] as? String ?? "" }
    func source() throws -> String { try Self.call("GET", session + "/source")["value"] as? String ?? "" }

    /// The element, waited for while the page that has it loads.
    func find(_ css: String) throws -> String {
        var id: String?
        _ = eventually {
            let found = try Self.call("POST", $0.session + "/element", ["using": "css selector", "value": css])
            id = (found["value"] as? [String: Any])?[Self.element] as? String
            return id != nil
        }
        guard let id else { throw Failure(message: "no element \(css) on \(try url())") }
        return id
    }

    func exists(_ css: String) throws -> Bool {
        let found = try Self.call("POST", session + "/elements", ["using": "css selector", "value": css])
        return !((found["value"] as? [Any]) ?? []).isEmpty
    }

    func type(_ css: String, _ text: String) throws {
        try again { _ = try Self.call("POST", session + "/element/\(try find(css))/value", ["text": text]) }
    }

    func click(_ css: String) throws { try again { _ = try Self.call("POST", session + "/element/\(try find(css))/click", [:]) } }

    /// A page that reloads between finding an element and acting on it leaves a stale reference:
    /// find it again on the new page.
    private func again(_ action: () throws -> Void) throws {
        for attempt in 1... {
            do { return try action() } catch let failure as Failure where failure.message.contains("stale element") && attempt < 5 {
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// Runs `script` in the page (`arguments[0]`… are `arguments`) and returns its value.
    func script(_ script: String, _ arguments: [Any] = []) throws -> Any? {
        try Self.call("POST", session + "/execute/sync", ["script": script, "args": arguments])["value"]
    }

    func shoot(_ path: String) throws {
        guard let text = try Self.call("GET", session + "/screenshot")["value"] as? String, let png = Data(base64Encoded: text)
        else { throw Failure(message: "no screenshot") }
        try png.write(to: URL(fileURLWithPath: path))
    }

    func quit() {
        _ = try? Self.call("DELETE", session)
        Self.stop(driver)
    }

    /// chromedriver ignores SIGTERM while it holds a connection, so it is killed outright.
    static func stop(_ driver: ChildProcess) {
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// One WebDriver command, waited for. A plain HTTP/1.1 exchange over a socket: chromedriver
    /// writes its headers without a space after the colon, which Foundation's URLSession on Linux
    /// refuses ("Failed writing header").
    static func call(_ method: String, _ url: String, _ body: [String: Any]? = nil) throws -> [String: Any] {
        guard let parsed = URLComponents(string: url), let port = parsed.port else { throw Failure(message: "bad URL \(url)") }
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) \(parsed.percentEncodedPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if body != nil { head += "Content-Type: application/json\r\n" }
        head += "Content-Length: \(payload.count)\r\n\r\n"
        let answer = try exchange(port: port, request: Data(head.utf8) + payload)
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)),
            let statusLine = String(data: answer[..<split.lowerBound], encoding: .utf8)?.split(separator: "\r\n").first
        else { throw Failure(message: "\(method) \(url): no answer") }
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        guard let object = try? JSONSerialization.jsonObject(with: answer[split.upperBound...]) as? [String: Any] else {
            throw Failure(message: "\(method) \(url): \(status), not JSON")
        }
        guard status == 200 else { throw Failure(message: "\(method) \(url): \(status) \(object)") }
        return object
    }

    static func complete(_ answer: Data) -> Bool {
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)),
            let head = String(data: answer[..<split.lowerBound], encoding: .utf8)
        else { return false }
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        return answer.count - split.upperBound >= length
    }

    /// Connects to 127.0.0.1:port, sends the request and reads one whole answer.
    static func exchange(port: Int, request: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(message: "connection refused on \(port)") }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let n = send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(message: "send failed") }
                sent += n
            }
        }
        // chromedriver keeps the connection open whatever the request says: read by Content-Length.
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !complete(answer) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { throw Failure(message: "no answer from chromedriver on \(port)") }
            if n == 0 { break }
            answer.append(contentsOf: buffer[0..<n])
        }
        return answer
    }
}
