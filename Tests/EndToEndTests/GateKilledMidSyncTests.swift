import ColopassCore
import Foundation
import Testing

/// The real `gate-check sync` killed with SIGKILL half-way through a first sync (power cut, OOM
/// killer): the pages it applied stay applied, the next run asks for the page after the last one
/// it applied, and the replica ends complete and verified.
@Suite("gate-check killed mid-sync resumes at its page", .serialized)
struct GateKilledMidSyncTests {
    static let staff = 60

    @Test func aGateKilledMidSyncResumesAtThePageItStoppedAtAndEndsComplete() throws {
        // given: a demo site and 60 emergency passes (one credential each), the service running
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let (passes, total) = try Self.emergencyPasses(sandbox, count: Self.staff)
        let gateToken = try #require(
            try sandbox.run(["token", "issue", "baoan", "--kind", "gate", "--label", "A", "--json"], as: "admin").json["token"] as? String)
        let port = try ServerGateSyncTests.freePort()
        let url = "http://127.0.0.1:\(port)"
        let server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        defer { _ = server.stop() }
        let gate = GateCLI(sandbox: sandbox)
        #expect(try gate.run(["init", "--server", url, "--token", gateToken]).status == 0)

        // when: a first sync, one entry a page, is killed outright after a few pages
        let sync = ["sync", "--server", url, "--token", gateToken, "--page-size", "1", "--progress"]
        let first = try gate.start(sync, name: "sync1")
        let progressed = GateCLI.within(30, every: 0.005) { Self.pages(in: sandbox.directory + "/sync1.err") >= 3 }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(progressed != nil, "the sync never got going")
        #expect(first.terminationReason == .uncaughtSignal && first.terminationStatus == SIGKILL)

        // then: the replica says where the snapshot stopped, and holds only what came before it
        let stopped = try gate.run(["status"]).stdout
        let line = try #require(
            stopped.split(separator: "\n").first { $0.contains("snapshot in progress") }, "the sync finished before the kill:\n\(stopped)")
        let next = try #require(line.split(separator: " ").last.map(String.init))
        let applied = try #require(Self.entries(in: stopped))
        #expect(applied >= 3 && applied < total, "\(stopped)")
        #expect(stopped.contains("快照游标 / snapshot cursor: 0"), "the cursor moves only with the last page")

        // when: the gate runs again
        let second = try gate.run(sync)
        #expect(second.status == 0, "\(second)")
        // then: its first page is the one after the last page applied, and it fetched only the rest
        let firstLine = try #require(second.stderr.split(separator: "\n").first.map(String.init), "\(second)")
        #expect(firstLine.contains("page 1:") && firstLine.contains("after \(next),"), "\(firstLine) vs \(next)")
        #expect(second.stdout.contains("\(total - applied) 条更新 / entries updated"), "\(second)")

        // and the replica is complete: every entry, the head cursor, no snapshot left half-done
        let done = try gate.run(["status"]).stdout
        #expect(Self.entries(in: done) == total, "\(done)")
        #expect(!done.contains("snapshot in progress") && !done.contains("快照游标 / snapshot cursor: 0\n"), "\(done)")
        // verified: a pass from the first run's pages and one from the second's both decide at the door
        for credential in [passes.first!, passes.last!] {
            let verdict = try gate.run(["verify", credential, "--gate", "A", "--direction", "out", "--json"])
            #expect(verdict.status == 0, "\(verdict)")
        }
        // a sync after it finds nothing more to apply
        #expect(try gate.run(["sync", "--server", url, "--token", gateToken]).stdout.contains(" 0 条更新"))
    }

    /// `count` emergency staff approved at once by the demo's supervisor, through the core on the
    /// sandbox's own database (the CLI would take a process per person); their pass credentials,
    /// and how many entries the site's full snapshot then holds.
    static func emergencyPasses(_ sandbox: CLISandbox, count: Int) throws -> ([String], Int) {
        let policy = try Policy.load(contentsOf: CLISandbox.repositoryRoot + "/policies/site.yaml")
        let core = try Core(dataDirectory: sandbox.dataDirectory, policy: policy)
        let guardActor = try core.accounts.actor(named: "baoan")
        let demoEntries = try SignedSnapshot.decoder().decode(
            GateSnapshot.self, from: Data(try core.gate.gateSnapshot(since: 0, by: guardActor).body.utf8)
        ).entries.count
        let staff = try (0..<count).map { index in
            let body = "110105" + String(format: "1980%02d%02d", index % 12 + 1, index % 28 + 1) + String(format: "%03d", index)
            return NewVisitor(name: "抢修\(index)", idNumber: body + String(try #require(ResidentIDNumber.checkCharacter(for: body))))
        }
        let emergency = try core.passes.approveEmergency(
            NewEmergency(clientId: 2, staff: staff, reason: "机房断电抢修 / power outage repair", hours: 2, reportedBy: "陈静 13900000002"),
            by: try core.accounts.actor(named: "zhuguan"))
        return (emergency.passes.map(\.pass.credential), demoEntries + count)
    }

    /// Pages a `--progress` run has reported so far.
    static func pages(in path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").components(separatedBy: "page ").count - 1
    }

    /// The replica's entry count from `gate-check status`.
    static func entries(in status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("证件 / entries:") }) else { return nil }
        return Int(line.split(separator: " ")[3])
    }
}
