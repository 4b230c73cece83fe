import ColopassCore
import Foundation
import Testing

/// `gate_replica_warn_percent`: the share of the gate data's age limit from which every decision
/// warns (G1.aging); a share of the limit, so 1 to 100.
struct GateWarnPercentPolicyTests {
    func load(_ value: String) throws -> Policy {
        let shipped = try String(contentsOfFile: TestSite.policyPath, encoding: .utf8)
        let text = shipped.replacingOccurrences(of: "gate_replica_warn_percent: 75", with: "gate_replica_warn_percent: \(value)")
        try #require(text != shipped || value == "75")
        let path = NSTemporaryDirectory() + "policy-" + UUID().uuidString + ".yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Policy.load(contentsOf: path)
    }

    @Test func theShippedShareIsThreeQuartersG1() throws {
        #expect(try load("75").parameters.gateReplicaWarnPercent == 75)
    }

    @Test(arguments: ["0", "101", "half"])
    func aShareOutsideOneToAHundredIsNamedG1(_ value: String) throws {
        #expect {
            _ = try load(value)
        } throws: { error in
            (error as? PolicyError)?.key == "parameters.gate_replica_warn_percent"
        }
    }
}
