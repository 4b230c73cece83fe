import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("GET /health")
struct HealthTests {
    @Test func healthReportsTheDatabaseAndThePolicyInForce() async throws {
        let directory = NSTemporaryDirectory() + "colopass-server-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let core = try Core(dataDirectory: directory, policy: try Policy.load(contentsOf: root + "/policies/site.yaml"))
        let app = ColopassServer.buildApplication(core: core, host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["status"] as? String == "ok")
                #expect(body?["site"] as? String == "DC1")
                #expect((body?["policy"] as? [String: Any])?["fingerprint"] as? String == core.policy.fingerprint)
            }
        }
    }
}
