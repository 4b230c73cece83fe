import Foundation
import Testing

/// Temporary entry through the built `colopass` binary, as customer service and a client would
/// type it: request → approve → pass, with the exit codes scripts rely on (0 done, 2 invalid,
/// 3 refused with its clause, 4 not found).
@Suite struct PassCLITests {
    /// A site with customer service ("zhou"), a client with a contract in force and its user.
    private func site() throws -> CLISandbox {
        let cli = try CLISandbox()
        for (arguments, actor) in [
            (["init"], nil),
            (["operator", "add", "zhou", "--role", "customer_service"], "admin"),
            (
                ["client", "add", "--kind", "company", "--name", "北京云栈科技有限公司", "--credit-code", "91110108MA01ABCD1E"],
                "zhou"
            ),
            (
                [
                    "contract", "add", "--number", "HT-1", "--client", "1", "--from", siteDay(offset: -30), "--to",
                    siteDay(offset: 335), "--racks", "A01", "--server-quota", "5",
                ], "zhou"
            ),
            (["contract", "activate", "HT-1"], "zhou"),
            (["operator", "add", "yunzhan", "--role", "client_user", "--client", "1"], "admin"),
        ] as [([String], String?)] {
            let result = try cli.run(arguments, as: actor)
            try #require(result.status == 0, "\(arguments): \(result)")
        }
        return cli
    }

    /// Site time `hours` from now, as the CLI takes it.
    private func siteTime(hours: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date().addingTimeInterval(hours * 3600))
    }

    private func request(from: Double, to: Double, visitor: String = "王强:310115199007042347") -> [String] {
        [
            "visit", "request", "--client", "1", "--reason", "更换故障硬盘", "--from", siteTime(hours: from), "--to",
            siteTime(hours: to), "--visitor", visitor, "--visitor", "John Smith:passport:E12345678", "--letter",
            CLISandbox.repositoryRoot + "/Tests/ColopassCoreTests/Fixtures/letter.pdf",
        ]
    }

    @Test func requestApproveAndPrintPassesWithExitCodes() throws {
        // given
        let cli = try site()

        // when: the client files, customer service approves, the client prints
        let filed = try cli.run(request(from: 6, to: 10), as: "yunzhan")
        #expect(filed.status == 0, "\(filed)")
        #expect(filed.stdout.contains("visit request filed: 1"), "\(filed)")

        let byClient = try cli.run(["visit", "approve", "1"], as: "yunzhan")
        #expect(byClient.status == 3, "\(byClient)")
        #expect(byClient.stderr.contains("C7.approver"), "\(byClient)")

        let approved = try cli.run(["visit", "approve", "1"], as: "zhou")
        #expect(approved.status == 0, "\(approved)")
        #expect(approved.stdout.contains("approved: 1"), "\(approved)")
        #expect(approved.stdout.contains("TP-DC1-000001-"), "\(approved)")

        let printed = try cli.run(["visit", "pass", "1", "--json"], as: "yunzhan")
        #expect(printed.status == 0, "\(printed)")

        // then: one slip folder per person under badges/, and the request shows approved
        let slips = try #require(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        let passes = try #require(slips["passes"] as? [String])
        #expect(passes.count == 2)
        for pass in passes {
            for file in ["slip.svg", "qr.png", "qr.svg"] {
                #expect(
                    FileManager.default.fileExists(atPath: "\(cli.directory)/badges/\(pass)/\(file)"), "\(pass)/\(file)"
                )
            }
        }
        let shown = try cli.run(["visit", "show", "1", "--json"], as: "yunzhan")
        #expect(shown.status == 0, "\(shown)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(view["status"] as? String == "approved")
        #expect(!shown.stdout.contains("310115199007042347"), "IDs are masked")

        // and the visitor log exports with the ID masked
        let exported = try cli.run(
            ["visitors", "export", "--from", siteDay(offset: 0), "--to", siteDay(offset: 1)], as: "zhou")
        #expect(exported.status == 0, "\(exported)")
        #expect(exported.stdout.contains("王强") && exported.stdout.contains("**************2347"), "\(exported)")
        #expect(!exported.stdout.contains("310115199007042347"))
    }

    @Test func refusedInvalidAndUnknownExitThreeTwoAndFour() throws {
        let cli = try site()

        let tooLate = try cli.run(request(from: 1, to: 3), as: "yunzhan")
        #expect(tooLate.status == 3, "\(tooLate)")
        #expect(tooLate.stderr.contains("C7.notice"), "\(tooLate)")

        let badID = try cli.run(request(from: 6, to: 8, visitor: "王强:310115199007042348"), as: "yunzhan")
        #expect(badID.status == 2, "\(badID)")
        #expect(badID.stderr.contains("visitors[0].id_number"), "\(badID)")

        let badTime = try cli.run(
            [
                "visit", "request", "--client", "1", "--reason", "x", "--from", "tomorrow", "--to", "later",
                "--visitor",
                "王强:310115199007042347",
            ], as: "yunzhan")
        #expect(badTime.status == 2, "\(badTime)")
        #expect(badTime.stderr.contains("from"), "\(badTime)")

        let unknown = try cli.run(["visit", "show", "99"], as: "zhou")
        #expect(unknown.status == 4, "\(unknown)")

        let listed = try cli.run(["visit", "list", "--json"], as: "zhou")
        #expect(listed.status == 0, "\(listed)")
        let requests = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])
        #expect(requests.isEmpty, "nothing was filed")
    }
}
