import Foundation

/// A real `colopass serve` over a sandbox's site, the one-time passwords `init` printed, and a
/// Chromium to drive it: what every browser walk starts from. `close()` stops both.
final class ServedInBrowser {
    let server: ServerGateSyncTests.Server
    let passwords: [String: String]
    let base: String
    let browser: WebDriver

    init(_ sandbox: CLISandbox) throws {
        let port = try ServerGateSyncTests.freePort()
        server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        passwords = ServerBrowserTests.passwords(in: server.output).merging(sandbox.firstPasswords) { $1 }
        base = "http://127.0.0.1:\(port)"
        do {
            browser = try WebDriver.start()
        } catch {
            _ = server.stop()
            throw error
        }
        try FileManager.default.createDirectory(atPath: ServerBrowserTests.screenshots, withIntermediateDirectories: true)
    }

    func close() {
        browser.quit()
        _ = server.stop()
    }
}
