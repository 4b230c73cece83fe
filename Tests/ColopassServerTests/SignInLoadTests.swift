import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Synchronization
import Testing

/// Sign-ins hash on their own threads: a burst of them must not hold up a request that has no
/// hashing to do. An order, not a time, is checked: on Swift's cooperative pool, `/health`
/// would queue behind nearly every sign-in before it; off it, it answers while most still hash.
@Suite("Sign-ins and the other requests")
struct SignInLoadTests {
    final class Count: Sendable {
        let value = Atomic(0)
    }

    @Test func aBurstOfSignInsDoesNotHoldUpHealth() async throws {
        // given: an account whose stored hash costs 300,000 PBKDF2 iterations to check
        let site = try ServerSite()
        let hasher = PasswordHasher(iterations: 300_000)
        try site.core.accounts.setPassword("kefu", to: ServerSite.password, hasher: hasher, by: site.actor("admin"))
        let app = ColopassServer.buildApplication(
            core: site.core, host: "127.0.0.1", port: 0, configuration: ServerConfiguration(hasher: hasher))
        let signIns = 4 * ProcessInfo.processInfo.activeProcessorCount + 4
        try await app.test(.router) { client in
            let finished = Count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<signIns {
                    group.addTask {
                        let reply = try await client.call(
                            .post, "/api/session", json: ["name": "kefu", "password": ServerSite.password])
                        #expect(reply.status == 201)
                        finished.value.add(1, ordering: .relaxed)
                    }
                }
                // when: /health is asked once the sign-ins have taken every thread they can
                try await Task.sleep(for: .milliseconds(100))
                let health = try await client.call(.get, "/health")
                let signedInBeforeHealth = finished.value.load(ordering: .relaxed)
                try await group.waitForAll()
                // then
                #expect(health.status == 200)
                #expect(signedInBeforeHealth < signIns / 2, "\(signedInBeforeHealth) of \(signIns) sign-ins went first")
                #expect(finished.value.load(ordering: .relaxed) == signIns)
            }
        }
    }
}
