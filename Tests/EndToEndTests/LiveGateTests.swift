import Foundation
import TestProcesses
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension GateCLI {
    /// Starts `gate-check arguments…` in the background, its output going to files in the sandbox.
    func start(_ arguments: [String], name: String) throws -> ChildProcess {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: try binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.directory)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COLOPASS_") }
        environment["COLOPASS_GATE_DIR"] = gateDirectory ?? sandbox.directory + "/gate"
        process.environment = environment
        for (path, assign) in [("out", { process.standardOutput = $0 }), ("err", { process.standardError = $0 })] as [(String, (FileHandle) -> Void)] {
            let file = sandbox.directory + "/\(name).\(path)"
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            assign(FileHandle(forWritingAtPath: file)!)
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `condition` every `pause` (100 ms) for up to `seconds`; the time it took, or nil.
    static func within(_ seconds: TimeInterval, every pause: TimeInterval = 0.1, _ condition: () throws -> Bool) rethrows
        -> TimeInterval?
    {
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            if try condition() { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: pause)
        }
        return nil
    }
}

/// `gate-check run` against a real `colopass serve`: the gate keeps itself current, a card reported
/// lost is refused within seconds, the door goes on deciding while the service is away, and every
/// event reaches the service exactly once when it is back.
@Suite("gate-check run: the live link", .serialized)
struct LiveGateTests {
    @Test func aLostCardIsDeniedWithinSecondsTheDoorKeepsDecidingOfflineAndEveryEventArrivesOnce() throws {
        // given: a demo site with two cards, a gate token, an API token, and the service running
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        var cards: [(number: String, credential: String)] = []
        for person in ["1", "3"] {
            let issued = try sandbox.run(["card", "issue", "--person", person, "--json", "--out", "badge\(person)"], as: "kefu")
            let card = try #require(issued.json["card"] as? [String: Any], "\(issued)")
            cards.append((try #require(card["number"] as? String), try #require(card["credential"] as? String)))
        }
        let gateToken = try #require(
            try sandbox.run(["token", "issue", "baoan", "--kind", "gate", "--label", "A", "--json"], as: "admin").json["token"] as? String)
        let apiToken = try #require(
            try sandbox.run(["token", "issue", "admin", "--kind", "api", "--json"], as: "admin").json["token"] as? String)
        let port = try ServerGateSyncTests.freePort()
        let url = "http://127.0.0.1:\(port)"
        var server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        defer { _ = server.stop() }
        let gate = GateCLI(sandbox: sandbox)
        #expect(try gate.run(["init", "--server", url, "--token", gateToken]).status == 0)

        // when: the gate runs its live link (short long polls, so the test's stops are quick)
        let run = try gate.start(["run", "--server", url, "--token", gateToken, "--wait", "5"], name: "run")
        defer {
            run.terminate()
            run.waitUntilExit()
        }
        var decisions = 0
        func verify(_ credential: String, _ direction: String = "in") throws -> CLIResult {
            decisions += 1
            return try gate.run(["verify", credential, "--gate", "A", "--direction", direction])
        }
        #expect(try GateCLI.within(20) { try verify(cards[0].credential).status == 0 } != nil, "the first sync came")

        // then: a card reported lost at the service is refused at the door within seconds
        #expect(try sandbox.run(["card", "lost", cards[0].number], as: "kefu").status == 0)
        let latency = try GateCLI.within(5) {
            let answer = try verify(cards[0].credential)
            return answer.status == 1 && answer.stdout.contains("C4.lost")
        }
        #expect(latency != nil, "the lost card was still granted after 5 s")
        print("revocation reached the door in \(String(format: "%.2f", latency ?? -1)) s")
        // but its holder, inside, is let out, and the guard alerted (G3)
        let leaving = try verify(cards[0].credential, "out")
        #expect(leaving.status == 0 && leaving.stdout.contains("G3.let_out") && leaving.stdout.contains("C4.lost"), "\(leaving)")

        // the service goes away: the door keeps deciding from its replica
        #expect(server.stop() == 0)
        let offline = try verify(cards[1].credential)
        #expect(offline.status == 0 && offline.stdout.contains("GRANTED"), "\(offline)")
        #expect(try verify(cards[1].credential, "out").status == 0)
        Thread.sleep(forTimeInterval: 1)
        let waiting = try gate.run(["status"])
        #expect(waiting.stdout.contains("连接错误 / link error"), "\(waiting)")

        // and when it is back, every event arrives, once
        server = try ServerGateSyncTests.Server(sandbox, port: port, run: 2)
        let drained = try GateCLI.within(45) {
            let status = try gate.run(["status"]).stdout
            return status.contains("待上传事件 / events waiting: 0") && !status.contains("连接错误")
        }
        let afterwards = try gate.run(["status"])
        #expect(drained != nil, "\(afterwards)")
        let events = try #require(
            try JSONSerialization.jsonObject(with: try ServerGateSyncTests.get(url + "/api/gate-events?limit=10000", token: apiToken))
                as? [[String: Any]])
        #expect(events.count == decisions)
        #expect(Set(events.compactMap { $0["id"] as? String }).count == decisions)
        // the service raised the let-out for an operator
        let alerts = try sandbox.run(["gate", "alerts", "--json"], as: "kefu")
        let raised = try JSONSerialization.jsonObject(with: Data(alerts.stdout.utf8)) as? [[String: Any]]
        #expect(raised?.count == 1 && raised?.first?["clause"] as? String == "C4.lost", "\(alerts)")
        let status = try gate.run(["status"])
        #expect(status.stdout.contains("上次联系服务 / last contact: 20"), "\(status)")

        // the run loop stops on SIGTERM, as systemd stops it
        run.terminate()
        #expect(try GateCLI.within(10) { !run.isRunning } != nil)
    }
}
