import Foundation
import TestProcesses
import Testing

/// Runs the built `gate-check` next to `colopass`, with text on its standard input.
struct GateCLI {
    let sandbox: CLISandbox
    var gateDirectory: String? = nil

    var binary: String {
        get throws { try Self.path() }
    }

    static func path() throws -> String {
        URL(fileURLWithPath: try CLISandbox.binary()).deletingLastPathComponent().appendingPathComponent("gate-check").path
    }

    /// `gate-check arguments…` with `input` piped in; or, with `pty`, under `script` so the tool
    /// sees a terminal as it does at a real desk.
    func run(_ arguments: [String], input: String = "", pty: Bool = false) throws -> CLIResult {
        let process = ChildProcess()
        let command = try ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        if pty {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        } else {
            process.executableURL = URL(fileURLWithPath: try binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.directory)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COLOPASS_") }
        environment["COLOPASS_POLICY"] = CLISandbox.repositoryRoot + "/policies/site.yaml"
        environment["COLOPASS_GATE_DIR"] = gateDirectory ?? sandbox.directory + "/gate"
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

@Suite("gate-check binary at the door", .serialized)
struct GateCheckCLITests {
    /// A demo site with two cards, and a gate installed from the exported keys and synchronised
    /// from a snapshot file, as at a door without a network.
    func door() throws -> (CLISandbox, GateCLI, [String]) {
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        var credentials: [String] = []
        for person in ["1", "3"] {
            let issued = try sandbox.run(["card", "issue", "--person", person, "--json", "--out", "badge\(person)"], as: "kefu")
            #expect(issued.status == 0, "\(issued)")
            let json = try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any]
            credentials.append(try #require((json?["card"] as? [String: Any])?["credential"] as? String))
        }
        let gate = GateCLI(sandbox: sandbox)
        let keys = try sandbox.run(["keys", "export-public"], as: "baoan")
        let pinned = try gate.run(["init", "--keys", "-"], input: keys.stdout)
        #expect(pinned.status == 0, "\(pinned)")
        #expect(try sandbox.run(["gate", "snapshot", "--out", "carry/snapshot.json"], as: "baoan").status == 0)
        let synced = try gate.run(["sync", "--from-file", "carry/snapshot.json"])
        #expect(synced.status == 0, "\(synced)")
        return (sandbox, gate, credentials)
    }

    @Test func theKeysColopassExportsPinTheGateThroughAPipeOrAFile() throws {
        // given: a site that signed its first card, so it has a key
        let (sandbox, _, _) = try door()
        let fresh = GateCLI(sandbox: sandbox, gateDirectory: sandbox.directory + "/gate2")
        // when: `colopass keys export-public | gate-check init --keys -`, and the same through a file
        let exported = try sandbox.run(["keys", "export-public"], as: "baoan")
        #expect(exported.status == 0 && exported.stdout.contains("public_key"), "\(exported)")
        let piped = try fresh.run(["init", "--keys", "-"], input: exported.stdout)
        try exported.stdout.write(toFile: sandbox.directory + "/keys.json", atomically: true, encoding: .utf8)
        let fromFile = try fresh.run(["init", "--keys", "keys.json"])
        // then: both pin the key
        #expect(piped.status == 0 && piped.stdout.contains("1 key(s) of site DC1"), "\(piped)")
        #expect(fromFile.status == 0 && fromFile.stdout.contains("1 key(s)"), "\(fromFile)")
    }

    @Test func theDeskAndTheDoorNameTheSameClauseC5C9() throws {
        // given: a door synchronised with two cards
        let (sandbox, gate, credentials) = try door()
        // when: the first holder leaves the client (C5) and the second card's contract ends (C9)
        #expect(try sandbox.run(["person", "depart", "1"], as: "kefu").status == 0)
        #expect(try sandbox.run(["contract", "terminate", "HT-2026-002"], as: "kefu").status == 0)
        #expect(try sandbox.run(["gate", "snapshot", "--out", "carry/after.json"], as: "baoan").status == 0)
        #expect(try gate.run(["sync", "--from-file", "carry/after.json"]).status == 0)
        // then: `colopass card verify` and `gate-check verify` cite the same facet for each
        for (credential, clause) in zip(credentials, ["C5.departed", "C9.terminated"]) {
            let desk = try sandbox.run(["card", "verify", credential], as: "kefu")
            let door = try gate.run(["verify", credential, "--gate", "A", "--direction", "in"])
            #expect(desk.status == 1 && desk.stdout.contains("[\(clause)]"), "\(desk)")
            #expect(door.status == 1 && door.stdout.contains(clause), "\(door)")
        }
    }

    @Test func verifyExitsZeroWhenGrantedOneWhenDeniedTwoOnError() throws {
        let (_, gate, credentials) = try door()
        let granted = try gate.run(["verify", credentials[0], "--gate", "A", "--direction", "in"])
        #expect(granted.status == 0 && granted.stdout.contains("GRANTED"), "\(granted)")
        let denied = try gate.run(["verify", "not a credential", "--gate", "A", "--direction", "in"])
        #expect(denied.status == 1 && denied.stdout.contains("S4.unreadable"), "\(denied)")
        let error = try gate.run(["verify", credentials[0], "--gate", "A", "--direction", "sideways"])
        #expect(error.status == 2, "\(error)")
    }

    @Test func scanModeThroughAPipeDecidesEveryLineAsJSON() throws {
        let (_, gate, credentials) = try door()
        let input = credentials[0] + "\r\n" + "garbage\n" + credentials[1] + "\n"
        let result = try gate.run(["scan", "--gate", "A", "--direction", "in", "--json"], input: input)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let results = try lines.map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["result"] as? String
        }
        #expect(results == ["granted", "denied", "granted"])
        let inside = try gate.run(["inside", "--json"])
        let occupants = try JSONSerialization.jsonObject(with: Data(inside.stdout.utf8)) as? [[String: Any]]
        #expect(occupants?.count == 2)
    }

    @Test func scanModeThroughAPtyShowsTheBigColouredAnswer() throws {
        let (_, gate, credentials) = try door()
        let result = try gate.run(["scan", "--gate", "A", "--direction", "in"], input: credentials[1] + "\n", pty: true)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("GRANTED"))
        #expect(result.stdout.contains("\u{1B}[1;97;42m"), "a terminal gets colour")
        #expect(result.stdout.contains("3459"), "the last four of the holder's ID")
    }

    @Test func scanAtATerminalClearsTheScreenPerScanChineseFirstWarningsOnYellow() throws {
        let (_, gate, credentials) = try door()
        // the same card twice: anti-passback (warn) flags the second entry
        let input = credentials[0] + "\n" + credentials[0] + "\n"
        let result = try gate.run(["scan", "--gate", "A", "--direction", "in"], input: input, pty: true)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.components(separatedBy: "\u{1B}[2J\u{1B}[H").count == 3, "one clear per scan")
        let zh = try #require(result.stdout.range(of: "准许通行"))
        let en = try #require(result.stdout.range(of: "GRANTED"))
        #expect(zh.lowerBound < en.lowerBound, "Chinese first")
        #expect(result.stdout.contains("\u{1B}[1;30;43m ⚠ 注意：未离开又再次进入 [G2.passback]"), "\(result.stdout)")
    }

    @Test func eventsCarriedOnAFileAreRecordedOnce() throws {
        let (sandbox, gate, credentials) = try door()
        _ = try gate.run(["verify", credentials[0], "--gate", "A", "--direction", "in"])
        _ = try gate.run(["verify", credentials[0], "--gate", "A", "--direction", "out"])
        #expect(try gate.run(["events", "--out", "carry/events.json"]).stdout.contains("2 event(s)"))
        let recorded = try sandbox.run(["gate", "events", "--from-file", "carry/events.json", "--json"], as: "baoan")
        #expect(recorded.json["accepted"] as? Int == 2, "\(recorded)")
        let again = try sandbox.run(["gate", "events", "--from-file", "carry/events.json", "--json"], as: "baoan")
        #expect(again.json["accepted"] as? Int == 0 && again.json["duplicates"] as? Int == 2, "\(again)")
    }
}
