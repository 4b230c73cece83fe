import Foundation
import TestProcesses
import Testing

/// R1 at the command line: a command acts as an account only through a login (a session from
/// `colopass login`) or an API token (`COLOPASS_TOKEN`); `--as` only chooses among stored logins.
@Suite(.serialized) struct CLILoginTests {
    private func demo() throws -> CLISandbox {
        let cli = try CLISandbox()
        let initialised = try cli.run(["init", "--demo"])
        #expect(initialised.status == 0, "\(initialised)")
        #expect(initialised.stdout.contains("one-time passwords"), "\(initialised)")
        return cli
    }

    private func login(_ cli: CLISandbox, _ name: String) throws -> CLIResult {
        let password = try #require(cli.firstPasswords[name], "no one-time password for \(name)")
        return try cli.raw(["login", name, "--password-stdin"], environment: [:], input: password + "\n")
    }

    @Test func R1_clerksLoginCannotActAsTheSupervisor() throws {
        // given: the customer-service clerk logged in, the supervisor not
        let cli = try demo()
        let loggedIn = try login(cli, "kefu")
        #expect(loggedIn.status == 0, "\(loggedIn)")
        #expect(loggedIn.stdout.contains("logged in: kefu"), "\(loggedIn)")

        // when: the clerk names the supervisor, by option or by variable
        let byOption = try cli.raw(["audit", "verify", "--as", "zhuguan"], environment: [:])
        let byVariable = try cli.raw(["audit", "verify"], environment: ["COLOPASS_AS": "zhuguan"])
        // or acts as herself on a supervisor's command
        let asHerself = try cli.raw(["audit", "verify"], environment: [:])

        // then
        for refused in [byOption, byVariable] {
            #expect(refused.status == 3, "\(refused)")
            #expect(refused.stderr.contains("[R1.session]"), "\(refused)")
            #expect(refused.stderr.contains("colopass login zhuguan"), "\(refused)")
        }
        #expect(asHerself.status == 3, "\(asHerself)")
        #expect(asHerself.stderr.contains("[R1.role]"), "\(asHerself)")

        // and once the supervisor logs in too, --as chooses between the two
        #expect(try login(cli, "zhuguan").status == 0)
        let supervisor = try cli.raw(["audit", "verify", "--as", "zhuguan"], environment: [:])
        #expect(supervisor.status == 0, "\(supervisor)")
        let clerk = try cli.raw(["audit", "verify", "--as", "kefu"], environment: [:])
        #expect(clerk.stderr.contains("[R1.role]"), "\(clerk)")

        // and the audit names the session each acted through
        let log = try cli.raw(["audit", "log", "--json", "--limit", "20", "--as", "zhuguan"], environment: [:])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let refusal = try #require(records.last { $0["actor"] as? String == "kefu" && $0["outcome"] as? String == "refused" })
        #expect((refusal["credential"] as? String)?.hasPrefix("session ") == true, "\(refusal)")
    }

    @Test func R1_loginsAreKeptInA0600FileOfTheUser() throws {
        let cli = try demo()
        #expect(try login(cli, "kefu").status == 0)
        let path = cli.configDirectory + "/logins.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("cps_"))
        #expect(!text.contains(try #require(cli.firstPasswords["kefu"])), "the password is not kept")
    }

    @Test func R1_wrongPasswordLogsNoOneIn() throws {
        let cli = try demo()
        let result = try cli.raw(["login", "kefu", "--password-stdin"], environment: [:], input: "not-the-password\n")
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("[R1.signin]"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: cli.configDirectory + "/logins.json"))
    }

    @Test func R1_revokedTokenIsRefused() throws {
        // given: an API token of the clerk's, then revoked by the admin
        let cli = try demo()
        let issued = try cli.run(["token", "issue", "kefu", "--kind", "api", "--json"], as: "admin")
        let token = try #require(try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any])
        let secret = try #require(token["token"] as? String)
        let id = try #require(token["id"] as? Int)
        #expect(try cli.raw(["client", "list"], environment: ["COLOPASS_TOKEN": secret]).status == 0)

        // when
        #expect(try cli.run(["token", "revoke", String(id)], as: "admin").status == 0)
        let result = try cli.raw(["client", "list"], environment: ["COLOPASS_TOKEN": secret])

        // then
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("[R1.session]"), "\(result)")
    }

    @Test func R1_expiredLoginIsRefusedWithTheWayBack() throws {
        // given: a stored login whose session has run out (its end moved into the past)
        let cli = try demo()
        #expect(try login(cli, "kefu").status == 0)
        try sqlite(cli, "UPDATE auth_token SET expires_at = '2020-01-01 00:00:00.000' WHERE kind = 'session'")

        // when
        let result = try cli.raw(["client", "list"], environment: [:])

        // then
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("[R1.session]"), "\(result)")
        #expect(result.stderr.contains("colopass login kefu"), "\(result)")
    }

    @Test func R1_tokenAndAsMustAgree() throws {
        let cli = try demo()
        let token = try #require(try cli.token(for: "kefu"))
        let result = try cli.raw(["client", "list", "--as", "zhuguan"], environment: ["COLOPASS_TOKEN": token])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("[R1.session]"), "\(result)")
    }

    @Test func invalidUTF8ArgumentExitsTwoAndStoresNothing() throws {
        // given
        let cli = try demo()

        // when: a name whose bytes are not UTF-8
        let result = try cli.shell(
            #""$COLOPASS_BIN" client add --kind individual --name $'\xff\xfe' --id-number 110105198503121234 --contact 李娜:13800000001"#,
            as: "kefu")

        // then
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--name"), "\(result)")
        #expect(result.stderr.contains("UTF-8"), "\(result)")
        let listed = try cli.run(["client", "list", "--json"], as: "kefu")
        #expect(!listed.stdout.contains("\u{FFFD}"), "\(listed)")
        let clients = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])
        #expect(clients.count == 3)
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
