import ColopassCore
import Foundation
import Hummingbird

/// `GET /health`: is the database readable and sound, and which rules are in force.
/// `GET /openapi.yaml`: the API's description, the same file the route-table test reads.
struct HealthController: Sendable {
    let core: Core
    let integrity: IntegrityCheck

    init(core: Core) {
        self.core = core
        integrity = IntegrityCheck(clock: core.clock) { [store = core.store] in try store.integrity() }
    }

    struct Health: Encodable {
        var status: String
        var site: String
        var database: Database
        var policy: PolicyStatus

        struct Database: Encodable {
            var integrity: String
            var migrations: [String]
        }

        struct PolicyStatus: Encodable {
            var fingerprint: String
            var clauses: Int
        }
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/health", .open) { _, _ in
                let (integrity, migrations) = (try integrity.result(), try core.store.appliedMigrations())
                let body = Health(
                    status: integrity == "ok" ? "ok" : "degraded", site: core.policy.site.code,
                    database: .init(integrity: integrity, migrations: migrations),
                    policy: .init(fingerprint: core.policy.fingerprint, clauses: core.policy.clauses.count))
                return try Reply.json(body, status: body.status == "ok" ? .ok : .serviceUnavailable)
            },
            APIRoute(.get, "/openapi.yaml", .open) { _, _ in
                Reply.text(try OpenAPIDocument.text(), type: "application/yaml; charset=utf-8")
            },
        ]
    }
}

/// The OpenAPI 3.1 document shipped with the server (Resources/openapi.yaml).
public enum OpenAPIDocument {
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CoreError.notFound(entity: "resource", key: "openapi.yaml")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
