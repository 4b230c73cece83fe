import Foundation
import TestProcesses
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The README's worked example, typed into the built `colopass` binary in a fresh directory, and
/// the exit codes scripts rely on: 0 done, 2 usage or invalid input, 3 refused by a rule (clause id
/// printed), 4 not found.
@Suite struct CLIWorkedExampleTests {
    /// The worked example up to two registered people; every step must succeed.
    private func workedExample() throws -> CLISandbox {
        let cli = try CLISandbox()
        try expectDone(cli.run(["init"]))
        try expectDone(
            cli.run(["operator", "add", "zhou", "--role", "customer_service", "--display-name", "周敏"], as: "admin"))
        try expectDone(
            cli.run(
                [
                    "client", "add", "--kind", "company", "--name", "北京云栈科技有限公司", "--credit-code",
                    "91110108MA01ABCD1E", "--contact", "李娜:13800000001",
                ], as: "zhou"))
        try expectDone(
            cli.run(
                [
                    "contract", "add", "--number", "HT-2026-001", "--client", "1", "--from", siteDay(offset: -30), "--to",
                    siteDay(offset: 335), "--racks", "A01,A02", "--server-quota", "20",
                ], as: "zhou"))
        try expectDone(cli.run(["contract", "activate", "HT-2026-001"], as: "zhou"))
        try expectDone(
            cli.run(
                ["person", "add", "--client", "1", "--name", "李娜", "--id-number", "110105198503121234", "--phone", "13800000001"],
                as: "zhou"))
        try expectDone(
            cli.run(
                ["person", "add", "--client", "1", "--name", "王强", "--id-number", "310115199007042347", "--phone", "13800000003"],
                as: "zhou"))
        return cli
    }

    private func expectDone(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    }

    // MARK: - The worked example

    @Test func workedExampleRunsAndPrintsWhatItDid() throws {
        // given
        let cli = try CLISandbox()

        // when / then: set-up names the admin account and the database
        let initialised = try cli.run(["init"])
        #expect(initialised.status == 0, "\(initialised)")
        #expect(initialised.stdout.contains("admin account created: admin"), "\(initialised)")
        #expect(FileManager.default.fileExists(atPath: cli.dataDirectory + "/colopass.sqlite"))

        let zhou = try cli.run(
            ["operator", "add", "zhou", "--role", "customer_service", "--display-name", "周敏"], as: "admin")
        #expect(zhou.status == 0, "\(zhou)")
        #expect(zhou.stdout.contains("account added: zhou (customer_service)"), "\(zhou)")

        let client = try cli.run(
            [
                "client", "add", "--kind", "company", "--name", "北京云栈科技有限公司", "--credit-code", "91110108MA01ABCD1E",
                "--contact", "李娜:13800000001",
            ], as: "zhou")
        #expect(client.status == 0, "\(client)")
        #expect(client.stdout.contains("client registered: 1 北京云栈科技有限公司"), "\(client)")

        let contract = try cli.run(
            [
                "contract", "add", "--number", "HT-2026-001", "--client", "1", "--from", siteDay(offset: -30), "--to",
                siteDay(offset: 335), "--racks", "A01,A02", "--server-quota", "20",
            ], as: "zhou")
        #expect(contract.status == 0, "\(contract)")
        #expect(contract.stdout.contains("contract added (draft): HT-2026-001"), "\(contract)")

        let activated = try cli.run(["contract", "activate", "HT-2026-001"], as: "zhou")
        #expect(activated.status == 0, "\(activated)")
        #expect(activated.stdout.contains("contract active: HT-2026-001"), "\(activated)")

        let li = try cli.run(
            ["person", "add", "--client", "1", "--name", "李娜", "--id-number", "110105198503121234", "--phone", "13800000001"],
            as: "zhou")
        #expect(li.status == 0, "\(li)")
        #expect(li.stdout.contains("person registered: 1 李娜"), "\(li)")
        #expect(!li.stdout.contains("no contract in force"), "the contract is in force: \(li)")

        let wang = try cli.run(
            ["person", "add", "--client", "1", "--name", "王强", "--id-number", "310115199007042347", "--phone", "13800000003"],
            as: "zhou")
        #expect(wang.status == 0, "\(wang)")
        #expect(wang.stdout.contains("person registered: 2 王强"), "\(wang)")

        // and the contract shows as the example set it up
        let shown = try cli.run(["contract", "show", "HT-2026-001", "--json"], as: "zhou")
        #expect(shown.status == 0, "\(shown)")
        let shownContract = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(shownContract["status"] as? String == "active")
        #expect(shownContract["racks"] as? String == "A01,A02")
        #expect(shownContract["server_quota"] as? Int == 20)
    }

    @Test func personListShowsTwoPeopleWithMaskedIDNumbers() throws {
        // given
        let cli = try workedExample()

        // when
        let listed = try cli.run(["person", "list", "--client", "1", "--json"], as: "zhou")

        // then
        #expect(listed.status == 0, "\(listed)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 2)
        let people = entries.compactMap { $0["person"] as? [String: Any] }
        #expect(people.map { $0["name"] as? String } == ["李娜", "王强"])
        let numbers = people.compactMap { $0["id_number"] as? String }
        #expect(numbers.count == 2)
        #expect(numbers[0].hasSuffix("1234") && numbers[0].hasPrefix("*"), "\(numbers)")
        #expect(numbers[1].hasSuffix("2347") && numbers[1].hasPrefix("*"), "\(numbers)")
        #expect(people.allSatisfy { $0["status"] as? String == "active" })
        #expect(entries.allSatisfy { $0["flag"] == nil || $0["flag"] is NSNull }, "contract in force: no flag")
        // no full number anywhere in what was printed
        #expect(!listed.stdout.contains("110105198503121234"))
        #expect(!listed.stdout.contains("310115199007042347"))
    }

    @Test func personOfClientWithoutContractIsFlaggedInTheOutput() throws {
        // given: a second client, with no contract
        let cli = try workedExample()
        try expectDone(
            cli.run(
                ["client", "add", "--kind", "company", "--name", "上海数桥网络有限公司", "--credit-code", "91310115MA1K3XY72K"],
                as: "zhou"))

        // when
        let added = try cli.run(
            ["person", "add", "--client", "2", "--name", "陈静", "--id-number", "440305199211203459", "--phone", "13900000002"],
            as: "zhou")

        // then: registered (exit 0) but flagged
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout.contains("no contract in force"), "\(added)")
    }

    // MARK: - Exit code 2: usage or invalid input

    @Test func badCreditCodeExitsTwo() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(
            ["client", "add", "--kind", "company", "--name", "错码公司", "--credit-code", "91110108MA01ABCD1F"], as: "zhou")

        // then
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("credit_code"), "\(result)")
        let listed = try cli.run(["client", "list", "--json"], as: "zhou")
        #expect(try clientCount(listed) == 1, "nothing was registered")
    }

    @Test func unknownClientKindExitsTwo() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(["client", "add", "--kind", "partnership", "--name", "某合伙企业"], as: "zhou")

        // then
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("kind"), "\(result)")
    }

    @Test func R1_noLoginIsRefusedWithTheWayToLogIn() throws {
        // given: no stored login, no COLOPASS_TOKEN
        let cli = try workedExample()

        // when
        let result = try cli.run(["client", "list"])

        // then
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("[R1.session]"), "\(result)")
        #expect(result.stderr.contains("colopass login"), "\(result)")
    }

    @Test func badIDNumberExitsTwoAndRegistersNoOne() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(
            ["person", "add", "--client", "1", "--name", "赵六", "--id-number", "110105198503121235", "--phone", "13800000005"],
            as: "zhou")

        // then
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("id_number"), "\(result)")
        let listed = try cli.run(["person", "list", "--json"], as: "zhou")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])
        #expect(entries.count == 2)
    }

    @Test func missingRequiredOptionExitsTwo() throws {
        // given
        let cli = try workedExample()

        // when: no --phone
        let result = try cli.run(["person", "add", "--client", "1", "--name", "赵六", "--id-number", "110105198503121234"], as: "zhou")

        // then
        #expect(result.status == 2, "\(result)")
    }

    @Test func badPolicyFileStopsStartUpNamingFileAndKey() throws {
        // given: the shipped policy with a negative card limit
        let cli = try CLISandbox()
        let shipped = try String(contentsOfFile: CLISandbox.repositoryRoot + "/policies/site.yaml", encoding: .utf8)
        let bad = shipped.replacingOccurrences(of: "cards_per_company_client: 2", with: "cards_per_company_client: -2")
        try #require(bad != shipped)
        let path = cli.directory + "/bad-site.yaml"
        try bad.write(toFile: path, atomically: true, encoding: .utf8)

        // when
        let result = try cli.run(["init", "--policy", path])

        // then: nothing was created
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(path), "\(result)")
        #expect(result.stderr.contains("parameters.cards_per_company_client"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory + "/colopass.sqlite"))
    }

    // MARK: - Exit code 3: refused by a rule

    @Test func duplicateContractNumberExitsThreeNamingD1Unique() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(
            [
                "contract", "add", "--number", "HT-2026-001", "--client", "1", "--from", siteDay(offset: 0), "--to",
                siteDay(offset: 30), "--racks", "B01", "--server-quota", "1",
            ], as: "zhou")

        // then
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("D1.unique"), "\(result)")
    }

    @Test func customerServiceAddingAnOperatorExitsThreeNamingR1Role() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(["operator", "add", "mallory", "--role", "admin"], as: "zhou")

        // then
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("R1.role"), "\(result)")
        // and the refusal is in the audit log
        let log = try cli.run(["audit", "log", "--json"], as: "admin")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let last = try #require(records.last)
        #expect(last["outcome"] as? String == "refused")
        #expect(last["clause"] as? String == "R1.role")
        #expect(last["actor"] as? String == "zhou")
    }

    @Test func disabledOperatorsTokenNoLongerActsExitThree() throws {
        // given
        let cli = try workedExample()
        try expectDone(cli.run(["operator", "disable", "zhou"], as: "admin"))

        // when: zhou's token, issued before the account was disabled
        let result = try cli.run(["client", "list"], as: "zhou")

        // then: refused as the API refuses it
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("R1.session"), "\(result)")
    }

    // MARK: - Exit code 4: not found

    @Test func unknownContractExitsFour() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(["contract", "show", "NOPE"], as: "zhou")

        // then
        #expect(result.status == 4, "\(result)")
        #expect(result.stderr.contains("NOPE"), "\(result)")
    }

    // MARK: - The audit chain from the shell

    @Test func auditVerifyAsAdminSaysIntact() throws {
        // given
        let cli = try workedExample()

        // when
        let result = try cli.run(["audit", "verify"], as: "admin")

        // then: init's admin and its one-time password, the admin's sign-in and API token, zhou and
        // zhou's token, the client, the contract and its activation, two people
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("audit chain intact: 11 records"), "\(result)")
        // and the head is signed: the site's first key is made for it, audited as record 12
        #expect(result.stdout.contains("checkpoint signed: record 12, key 1"), "\(result)")
    }

    @Test func auditVerifyAfterTamperingNamesTheRecordAndFails() throws {
        // given
        let cli = try workedExample()
        let sqlite = ChildProcess()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [
            cli.dataDirectory + "/colopass.sqlite",
            "DROP TRIGGER audit_record_no_update; UPDATE audit_record SET actor='mallory' WHERE seq=3;",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)

        // when
        let result = try cli.run(["audit", "verify"], as: "admin")

        // then
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("broken at record 3"), "\(result)")
    }

    // MARK: - The demo site

    @Test func initDemoCreatesThreeClients() throws {
        // given
        let cli = try CLISandbox()

        // when
        let initialised = try cli.run(["init", "--demo"])
        let listed = try cli.run(["client", "list", "--json"], as: "admin")

        // then
        #expect(initialised.status == 0, "\(initialised)")
        #expect(listed.status == 0, "\(listed)")
        #expect(try clientCount(listed) == 3)
        // a second init changes nothing
        let again = try cli.run(["init", "--demo"])
        #expect(again.status == 0, "\(again)")
        #expect(try clientCount(try cli.run(["client", "list", "--json"], as: "admin")) == 3)
    }

    // MARK: - The service

    /// Synchronous on purpose: with two cores, Swift Testing's cooperative pool is often held by
    /// tests waiting on child processes, and an async fetch would wait for a free thread.
    @Test func serveAnswersHealth() throws {
        // given
        let cli = try CLISandbox()
        try expectDone(cli.run(["init"]))
        let port = try freePort()
        let server = try cli.start(
            ["serve", "--port", String(port)], stdout: cli.directory + "/serve.out", stderr: cli.directory + "/serve.err")
        defer { if server.isRunning { server.terminate() } }

        // when: polled until it answers, for at most 20 s
        let url = URL(string: "http://127.0.0.1:\(port)/health")!
        var answer: (data: Data, response: HTTPURLResponse)?
        let deadline = Date().addingTimeInterval(20)
        while answer == nil, Date() < deadline, server.isRunning {
            if let fetched = fetch(url) {
                answer = fetched
            } else {
                Thread.sleep(forTimeInterval: 0.2)
            }
        }

        // then
        let (data, response) = try #require(answer, "no answer from /health; server running: \(server.isRunning)")
        #expect(response.statusCode == 200)
        #expect(response.value(forHTTPHeaderField: "Content-Type")?.contains("application/json") == true)
        let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(body["status"] as? String == "ok")
        #expect(body["site"] as? String == "DC1")

        // and SIGTERM stops it
        server.terminate()
        let stopDeadline = Date().addingTimeInterval(20)
        while server.isRunning, Date() < stopDeadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!server.isRunning, "the server did not stop on SIGTERM")
        if !server.isRunning {
            #expect(server.terminationReason == .exit && server.terminationStatus == 0, "graceful stop")
        }
    }

    // MARK: - Helpers

    /// One GET, answered on URLSession's own queue, with a short timeout.
    private func fetch(_ url: URL) -> (data: Data, response: HTTPURLResponse)? {
        let done = DispatchSemaphore(value: 0)
        let result = LockedBox<(Data, HTTPURLResponse)?>(nil)
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        let task = URLSession.shared.dataTask(with: request) { data, response, _ in
            if let data, let http = response as? HTTPURLResponse { result.value = (data, http) }
            done.signal()
        }
        task.resume()
        _ = done.wait(timeout: .now() + 3)
        return result.value.map { (data: $0.0, response: $0.1) }
    }

    private func clientCount(_ result: CLIResult) throws -> Int {
        let clients = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any], "\(result)")
        return clients.count
    }

    /// A TCP port nothing listens on right now: bind to port 0 and read back what was given.
    private func freePort() throws -> Int {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        try #require(bound == 0)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        try #require(named == 0)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A value shared with a completion handler.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
