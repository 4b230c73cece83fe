import Foundation
import TestProcesses
import Testing

/// R4 with the real binaries: the audit's signed checkpoint travels to a gate in its snapshot,
/// `gate-check checkpoints` exports it, and `colopass audit verify --checkpoint` names the records
/// an intruder cut off even after every copy at the service was erased.
@Suite(.serialized) struct AuditAnchorCLITests {
    @Test func R4_aGatesCheckpointNamesATailCutAtTheService() throws {
        // given: a demo site whose intact chain a verify signed, and a gate that took a snapshot
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let verified = try sandbox.run(["audit", "verify", "--json"], as: "admin")
        #expect(verified.status == 0, "\(verified)")
        let signed = try #require(verified.json["signed_checkpoint"] as? [String: Any], "\(verified)")
        let seq = try #require(signed["seq"] as? Int)
        let gate = GateCLI(sandbox: sandbox)
        let keys = try sandbox.run(["keys", "export-public"], as: "baoan")
        #expect(try gate.run(["init", "--keys", "-"], input: keys.stdout).status == 0)
        #expect(try sandbox.run(["gate", "snapshot", "--out", "usb/snapshot.json"], as: "baoan").status == 0)
        #expect(try gate.run(["sync", "--from-file", "usb/snapshot.json"]).status == 0)
        let exported = try gate.run(["checkpoints", "--out", "usb/checkpoints.jsonl"])
        #expect(exported.status == 0, "\(exported)")
        let lines = try String(contentsOfFile: sandbox.directory + "/usb/checkpoints.jsonl", encoding: .utf8)
        #expect(lines.contains("\"seq\":\(seq)"), "\(lines)")

        // when: the chain's tail and every checkpoint at the service are erased
        try sqlite(sandbox, """
            DROP TRIGGER audit_record_no_delete;
            DROP TRIGGER audit_checkpoint_no_delete;
            DELETE FROM audit_record WHERE seq >= \(seq - 1);
            DELETE FROM audit_checkpoint;
            """)
        try FileManager.default.removeItem(atPath: sandbox.dataDirectory + "/audit/checkpoints.jsonl")
        let held = try sandbox.run(["audit", "verify", "--checkpoint", "usb/checkpoints.jsonl"], as: "admin")

        // then: the gate's copy names the missing records
        #expect(held.status == 1, "\(held)")
        #expect(held.stdout.contains("broken at record \(seq - 1)"), "\(held)")
        #expect(held.stdout.contains("\(seq - 1)–\(seq)"), "\(held)")
    }

    @Test func R4_serveSignsTheHeadWhenItStarts() throws {
        // given: a demo site, never verified, so nothing signed yet
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let file = sandbox.dataDirectory + "/audit/checkpoints.jsonl"
        #expect(!FileManager.default.fileExists(atPath: file))

        // when: the service starts
        let server = try ServerGateSyncTests.Server(sandbox, port: try ServerGateSyncTests.freePort(), run: 1)
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: file), Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        #expect(server.stop() == 0)

        // then: its job signed the head, in the file beside the database
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        #expect(text.contains("\"signature\":"), "\(text)")
        let verified = try sandbox.run(["audit", "verify", "--json"], as: "admin")
        #expect(verified.status == 0, "\(verified)")
        #expect((verified.json["checkpoints_checked"] as? Int ?? 0) >= 1, "\(verified)")
    }

    private func sqlite(_ cli: CLISandbox, _ sql: String) throws {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [cli.dataDirectory + "/colopass.sqlite", sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }
}
