import Foundation
import TestProcesses
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `colopass serve` on a loopback port and a real `gate-check` syncing over HTTP with a
/// gate token: the door keeps deciding while the service is down, and every event reaches the
/// service exactly once when it is back.
@Suite("colopass serve and gate-check over HTTP", .serialized)
struct ServerGateSyncTests {
    @Test func theGateSyncsKeepsDecidingOfflineAndEveryEventArrivesOnce() throws {
        // given: a demo site, a card, a gate token and an API token for reading the service
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let issued = try sandbox.run(["card", "issue", "--person", "1", "--json", "--out", "badge"], as: "kefu")
        let card = try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any]
        let credential = try #require((card?["card"] as? [String: Any])?["credential"] as? String)
        let gateToken = try #require(
            try sandbox.run(["token", "issue", "baoan", "--kind", "gate", "--label", "A", "--json"], as: "admin")
                .json["token"] as? String)
        let apiToken = try #require(
            try sandbox.run(["token", "issue", "admin", "--kind", "api", "--json"], as: "admin").json["token"] as? String)
        let port = try Self.freePort()
        let url = "http://127.0.0.1:\(port)"
        let gate = GateCLI(sandbox: sandbox)

        // when: the service starts (init printed the one-time passwords, so it prints none)
        var server = try Server(sandbox, port: port, run: 1)
        #expect(sandbox.firstPasswords["admin"] != nil)
        #expect(!server.output.contains("一次性初始密码"), "\(server.output)")
        let initGate = try gate.run(["init", "--server", url, "--token", gateToken])
        #expect(initGate.status == 0, "\(initGate)")
        let first = try gate.run(["sync", "--server", url, "--token", gateToken])
        #expect(first.status == 0, "\(first)")
        #expect(try gate.run(["verify", credential, "--gate", "A", "--direction", "in"]).status == 0)

        // the service goes away (SIGTERM: a graceful stop) and the door keeps deciding
        #expect(server.stop() == 0)
        let offline = try gate.run(["verify", credential, "--gate", "A", "--direction", "out"])
        #expect(offline.status == 0 && offline.stdout.contains("GRANTED"), "\(offline)")
        let failed = try gate.run(["sync", "--server", url, "--token", gateToken])
        #expect(failed.status == 2, "\(failed)")

        // then: back up, one sync brings both events, a second brings none
        server = try Server(sandbox, port: port, run: 2)
        #expect(!server.output.contains("一次性初始密码"), "passwords are printed on the first start only")
        let back = try gate.run(["sync", "--server", url, "--token", gateToken])
        #expect(back.stdout.contains("2 事件上传"), "\(back)")
        let again = try gate.run(["sync", "--server", url, "--token", gateToken])
        #expect(again.stdout.contains("0 事件上传"), "\(again)")
        let events = try Self.get(url + "/api/gate-events", token: apiToken)
        let list = try #require(try JSONSerialization.jsonObject(with: events) as? [[String: Any]])
        #expect(list.count == 2)
        #expect(Set(list.compactMap { $0["id"] as? String }).count == 2)
        #expect(Set(list.compactMap { $0["direction"] as? String }) == ["in", "out"])
        // a wrong token is refused, and says so
        let wrong = try gate.run(["sync", "--server", url, "--token", "cpg_nope"])
        #expect(wrong.status == 2 && wrong.stderr.contains("401"), "\(wrong)")
        #expect(server.stop() == 0)
    }

    /// A running `colopass serve`, started and waited for until it answers `/health`.
    struct Server {
        let process: ChildProcess
        let outputPath: String

        init(_ sandbox: CLISandbox, port: Int, run: Int) throws {
            outputPath = sandbox.directory + "/serve\(run).out"
            process = try sandbox.start(
                ["serve", "--port", String(port)], stdout: outputPath, stderr: sandbox.directory + "/serve\(run).err")
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if (try? ServerGateSyncTests.get("http://127.0.0.1:\(port)/health")) != nil { return }
                guard process.isRunning else { break }
                Thread.sleep(forTimeInterval: 0.2)
            }
            process.terminate()
            throw ServerDidNotStart(output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
        }

        var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

        /// SIGTERM, then the exit status (0 for a graceful shutdown).
        func stop() -> Int32 {
            process.terminate()
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "colopass serve did not answer /health:\n\(output)" }
    }

    /// A GET that waits; throws on a transport error or a status other than 200.
    static func get(_ url: String, token: String? = nil) throws -> Data {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 5)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            box.value = (response as? HTTPURLResponse)?.statusCode == 200 ? data : nil
            done.signal()
        }.resume()
        done.wait()
        guard let data = box.value else { throw ServerDidNotStart(output: "GET \(url) failed") }
        return data
    }

    final class Box: @unchecked Sendable {
        var value: Data?
    }

    /// A loopback port nobody listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw ServerDidNotStart(output: "no free port") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension CLIResult {
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]) ?? [:] }
}
