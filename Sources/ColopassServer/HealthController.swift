import ColopassCore
import Hummingbird

/// `GET /health`: is the database readable and sound, and which rules are in force.
struct HealthController {
    let core: Core

    struct Health: ResponseEncodable {
        var status: String
        var site: String
        var database: Database
        var policy: PolicyStatus

        struct Database: Codable {
            var integrity: String
            var migrations: [String]
        }

        struct PolicyStatus: Codable {
            var fingerprint: String
            var clauses: Int
        }
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/health") { _, _ -> EditedResponse<Health> in
            let health = try core.store.health()
            let body = Health(
                status: health.integrity == "ok" ? "ok" : "degraded", site: core.policy.site.code,
                database: .init(integrity: health.integrity, migrations: health.migrations),
                policy: .init(fingerprint: core.policy.fingerprint, clauses: core.policy.clauses.count))
            return EditedResponse(status: body.status == "ok" ? .ok : .serviceUnavailable, response: body)
        }
    }
}
