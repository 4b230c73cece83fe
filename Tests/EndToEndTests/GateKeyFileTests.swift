import Foundation
import TestProcesses
import Testing

/// `gate-check init --keys FILE` reads what `colopass keys export-public` writes, and says in
/// Chinese and English what is wrong with any other file, changing nothing.
@Suite("gate-check init --keys", .serialized)
struct GateKeyFileTests {
    @Test func exportPublicPipedIntoInitPinsTheKeys() throws {
        // given: a site that has signed a card, so it has a key
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        #expect(try sandbox.run(["card", "issue", "--person", "1", "--out", "badge"], as: "kefu").status == 0)
        // when: the real binaries are joined by a shell pipe
        let colopass = try CLISandbox.binary()
        let gateCheck = try GateCLI.path()
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "'\(colopass)' keys export-public | '\(gateCheck)' init --keys - --gate-dir '\(sandbox.directory)/piped'",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.directory)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COLOPASS_") }
        environment["COLOPASS_POLICY"] = CLISandbox.repositoryRoot + "/policies/site.yaml"
        environment["COLOPASS_DATA"] = sandbox.dataDirectory
        // the export acts as a proven guard: its API token, as every CLI call proves who acts
        environment["COLOPASS_TOKEN"] = try #require(try sandbox.token(for: "baoan"))
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // then: the gate trusts the site's key
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("1 key(s) of site DC1"), "\(text)")
    }

    @Test(arguments: [
        ("", "密钥文件为空", "the key file is empty"),
        ("not json at all", "不是 JSON 对象", "not a JSON object"),
        ("[1, 2]", "不是 JSON 对象", "not a JSON object"),
        (#"{"site": "DC1"}"#, "缺少字段 “keys”", "has no “keys” field"),
        (#"{"site": "DC1", "keys": [{"id": "one", "public_key": "ab", "status": "active"}]}"#, "类型不对", "wrong type"),
        (#"{"site": "DC1", "keys": []}"#, "尚无签名密钥", "no signing keys yet"),
        (#"{"site": "DC1", "keys": [{"id": 1, "public_key": "abcd", "status": "active"}]}"#, "不是 Ed25519 公钥", "not an Ed25519 public key"),
    ])
    func aBadKeyFileIsRefusedInBothLanguagesAndPinsNothing(file: String, zh: String, en: String) throws {
        let sandbox = try CLISandbox()
        let gate = GateCLI(sandbox: sandbox)
        try file.write(toFile: sandbox.directory + "/keys.json", atomically: true, encoding: .utf8)
        let result = try gate.run(["init", "--keys", "keys.json"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(zh) && result.stderr.contains(en), "\(result)")
        #expect(!result.stderr.contains("DecodingError") && !result.stderr.contains("keyNotFound"), "\(result)")
        let status = try gate.run(["status"])
        #expect(status.stdout.contains("站点 / site: —"), "nothing pinned: \(status)")
    }

    @Test func aMissingKeyFileSaysSo() throws {
        let sandbox = try CLISandbox()
        let result = try GateCLI(sandbox: sandbox).run(["init", "--keys", "nowhere.json"])
        #expect(result.status == 2 && result.stderr.contains("无法打开密钥文件"), "\(result)")
    }
}
