import Foundation
import Testing

/// R4 at the command line: `colopass backup` and `colopass restore`, and the restored site runs.
@Suite struct CLIBackupTests {
    @Test func R4_backupRestoresIntoANewDataDirectoryThatVerifiesAndRuns() throws {
        // given: the demo site
        let cli = try CLISandbox()
        #expect(try cli.run(["init", "--demo"]).status == 0)

        // when
        let backup = try cli.run(["backup", "--out", "nightly"], as: "admin")
        let restored = try cli.raw(
            ["restore", "nightly", "--data-dir", cli.directory + "/restored"], environment: [:])
        let again = try cli.raw(["restore", "nightly", "--data-dir", cli.directory + "/restored"], environment: [:])

        // then
        #expect(backup.status == 0, "\(backup)")
        #expect(backup.stdout.contains("backed up"), "\(backup)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory + "/nightly/keys"), "no keys without --with-keys")
        #expect(restored.status == 0, "\(restored)")
        #expect(restored.stdout.contains("audit chain intact"), "\(restored)")
        #expect(again.status == 2, "a non-empty target is refused: \(again)")
        #expect(again.stderr.contains("data-dir"), "\(again)")
        // the restored site answers as the old one did, to the same token
        let token = try #require(try cli.token(for: "admin"))
        let verified = try cli.raw(
            ["audit", "verify"], environment: ["COLOPASS_TOKEN": token, "COLOPASS_DATA": cli.directory + "/restored"])
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.stdout.contains("audit chain intact"), "\(verified)")
        let clients = try cli.raw(
            ["client", "list", "--json"], environment: ["COLOPASS_TOKEN": token, "COLOPASS_DATA": cli.directory + "/restored"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(clients.stdout.utf8)) as? [Any])
        #expect(listed.count == 3)
    }

    @Test func R4_restoreChecksTheManifestAgainstTheExportedPublicKeys() throws {
        let cli = try CLISandbox()
        #expect(try cli.run(["init", "--demo"]).status == 0)
        #expect(try cli.run(["backup", "--out", "nightly"], as: "admin").status == 0)
        let keys = try cli.run(["keys", "export-public"], as: "admin")
        try keys.stdout.write(toFile: cli.directory + "/keys.json", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: cli.directory + "/empty.json", contents: Data())

        let restored = try cli.raw(
            ["restore", "nightly", "--data-dir", cli.directory + "/restored", "--public-keys", cli.directory + "/keys.json"],
            environment: [:])
        let badKeys = try cli.raw(
            ["restore", "nightly", "--data-dir", cli.directory + "/other", "--public-keys", cli.directory + "/empty.json"],
            environment: [:])

        #expect(restored.status == 0, "\(restored)")
        #expect(restored.stdout.contains("checked against the public-key file"), "\(restored)")
        #expect(badKeys.status == 2 && badKeys.stderr.contains("the key file is empty"), "\(badKeys)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory + "/other"))
    }

    @Test func R4_aTamperedBackupIsRefusedWithItsClause() throws {
        let cli = try CLISandbox()
        #expect(try cli.run(["init", "--demo"]).status == 0)
        #expect(try cli.run(["backup", "--out", "nightly"], as: "admin").status == 0)
        let manifest = cli.directory + "/nightly/manifest.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\"size\" : ", with: "\"size\" : 1").write(
            toFile: manifest, atomically: true, encoding: .utf8)

        let result = try cli.raw(["restore", "nightly", "--data-dir", cli.directory + "/restored"], environment: [:])

        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("[R4.backup]"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory + "/restored"))
    }
}
