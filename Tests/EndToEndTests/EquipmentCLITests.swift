import Foundation
import Testing

/// Equipment in, as an operator types it into the built `colopass`: pools, a work order, the
/// Q1 lead time, and the exit codes scripts rely on (0 done, 2 invalid input, 3 refused with the
/// clause printed, 4 not found). The real clock runs here, so racking is planned ahead of now.
@Suite struct EquipmentCLITests {
    private func site() throws -> CLISandbox {
        let cli = try CLISandbox()
        try expect(cli.run(["init"]), 0)
        try expect(cli.run(["operator", "add", "zhou", "--role", "customer_service"], as: "admin"), 0)
        try expect(cli.run(["operator", "add", "li", "--role", "supervisor"], as: "admin"), 0)
        try expect(
            cli.run(
                ["client", "add", "--kind", "company", "--name", "北京云栈科技有限公司", "--credit-code", "91110108MA01ABCD1E"],
                as: "zhou"), 0)
        try expect(
            cli.run(
                [
                    "contract", "add", "--number", "HT-2026-001", "--client", "1", "--from", siteDay(offset: -30), "--to",
                    siteDay(offset: 335), "--racks", "A01,A02", "--server-quota", "20",
                ], as: "zhou"), 0)
        try expect(cli.run(["contract", "activate", "HT-2026-001"], as: "zhou"), 0)
        return cli
    }

    /// Racking `hours` from the real now, as ISO 8601.
    private func racking(in hours: Double) -> String {
        ISO8601DateFormatter().string(from: Date().addingTimeInterval(hours * 3600))
    }

    private func expect(_ result: CLIResult, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    }

    @Test func poolWorkOrderIssueAndAcceptanceWithTheirExitCodes() throws {
        let cli = try site()
        // Pools: the administrator's, validated.
        let pool = try cli.run(["ip", "pool", "add", "10.20.0.0/24"], as: "admin")
        expect(pool, 0)
        #expect(pool.stdout.contains("10.20.0.1–10.20.0.254"), "\(pool)")
        expect(try cli.run(["ip", "ports", "add", "SW-A01", "--from", "1", "--to", "48"], as: "admin"), 0)
        let hostBits = try cli.run(["ip", "pool", "add", "10.30.0.1/24"], as: "admin")
        expect(hostBits, 2)
        #expect(hostBits.stderr.contains("cidr"), "\(hostBits)")
        let notAdmin = try cli.run(["ip", "pool", "add", "10.30.0.0/24"], as: "zhou")
        expect(notAdmin, 3)
        #expect(notAdmin.stderr.contains("[R1.role]"), "\(notAdmin)")

        // Q1: an order issued 23 h before racking is refused.
        let late = try cli.run(["workorder", "create", "--contract", "HT-2026-001", "--planned", racking(in: 23)], as: "zhou")
        expect(late, 0)
        #expect(late.stdout.contains("WO-000001"), "\(late)")
        expect(
            try cli.run(
                ["workorder", "add-item", "WO-000001", "--kind", "server", "--brand", "Dell", "--model", "R750",
                 "--serial", "SN-1", "--rack", "A01", "--u", "10"], as: "zhou"), 0)
        let refused = try cli.run(["workorder", "issue", "WO-000001"], as: "zhou")
        expect(refused, 3)
        #expect(refused.stderr.contains("[Q1.lead_time]"), "\(refused)")

        // A day and an hour ahead is in time.
        expect(try cli.run(["workorder", "create", "--contract", "HT-2026-001", "--planned", racking(in: 25)], as: "zhou"), 0)
        let badKind = try cli.run(
            ["workorder", "add-item", "WO-000002", "--kind", "toaster", "--brand", "X", "--model", "Y", "--rack", "A01",
             "--u", "1"], as: "zhou")
        expect(badKind, 2)
        #expect(badKind.stderr.contains("kind"), "\(badKind)")
        expect(
            try cli.run(
                ["workorder", "add-item", "WO-000002", "--kind", "server", "--brand", "Dell", "--model", "R750",
                 "--serial", "SN-2", "--rack", "A01", "--u", "12"], as: "zhou"), 0)
        let issued = try cli.run(["workorder", "issue", "WO-000002"], as: "zhou")
        expect(issued, 0)
        #expect(issued.stdout.contains("work order issued: WO-000002"), "\(issued)")

        // Arrival before the planned racking time is refused too; the order stays issued.
        let early = try cli.run(["workorder", "accept", "WO-000002", "--serial", "SN-2"], as: "li")
        expect(early, 3)
        #expect(early.stderr.contains("[Q1.too_early]"), "\(early)")
        let shown = try cli.run(["workorder", "show", "WO-000002", "--json"], as: "li")
        expect(shown, 0)
        #expect(shown.stdout.contains("\"status\" : \"issued\""), "\(shown)")
        #expect(shown.stdout.contains("\"serial\" : \"SN-2\""), "\(shown)")

        expect(try cli.run(["workorder", "show", "WO-000099"], as: "li"), 4)
        let pools = try cli.run(["ip", "pool", "list", "--json"], as: "zhou")
        expect(pools, 0)
        #expect(pools.stdout.contains("\"in_use\" : 0"), "\(pools)")
        expect(try cli.run(["inventory", "list"], as: "zhou"), 0)
        expect(try cli.run(["workorder", "list"], as: "zhou"), 0)
    }
}
