import ColopassCore
import Foundation

/// Samples for the client's side: the desk's document review, the client's roster,
/// notifications and the client's access log.
extension RouteSamples {
    static func addClientSideSamples(_ all: inout [String: Make]) {
        /// A new photo of client A's 李娜, sent by client A's user: waiting for the desk.
        @Sendable func pendingPhoto(_ site: ServerSite, _ f: ServerSite.Fixture) throws -> Int64 {
            let path = site.directory + "/new-photo.png"
            _ = FileManager.default.createFile(atPath: path, contents: ServerSite.fixture("id-copy.png"))
            _ = try site.core.registry.attachDocuments(
                personId: f.personA, photoPath: path, idCopyPath: nil, letterPath: nil, by: site.actor("ua"))
            guard let review = try site.core.registry.documentReviews(by: site.actor("kefu")).last else {
                throw CoreError.notFound(entity: "document_review", key: "pending")
            }
            return review.review.id
        }
        all["GET /api/document-reviews"] = { site, f in
            _ = try pendingPhoto(site, f)
            return RouteSample(uri: "/api/document-reviews", allowed: "kefu")
        }
        all["GET /api/document-reviews/{id}/file"] = { site, f in
            RouteSample(uri: "/api/document-reviews/\(try pendingPhoto(site, f))/file", allowed: "ua")
        }
        all["POST /api/document-reviews/{id}/approve"] = { site, f in
            RouteSample(uri: "/api/document-reviews/\(try pendingPhoto(site, f))/approve", allowed: "kefu")
        }
        all["POST /api/document-reviews/{id}/refuse"] = { site, f in
            RouteSample(
                uri: "/api/document-reviews/\(try pendingPhoto(site, f))/refuse", body: ["reason": "照片不清晰"],
                allowed: "kefu")
        }
        addNotificationSamples(&all)
        addRosterSamples(&all)
        all["GET /api/clients/{id}/removable-items"] = { site, f in
            _ = try site.equipment(f)
            return RouteSample(uri: "/api/clients/\(f.clientA)/removable-items", allowed: "ua")
        }
        all["GET /api/exit-slips/{number}/print"] = { site, f in
            RouteSample(uri: "/api/exit-slips/\(try approvedRemoval(site, f).1.number)/print", allowed: "ua")
        }
        all["GET /web/portal/exit-slips/{number}"] = { site, f in
            RouteSample(uri: "/web/portal/exit-slips/\(try approvedRemoval(site, f).1.number)", allowed: "ua")
        }
        all["GET /api/clients/{id}/access-log"] = { _, f in
            RouteSample(uri: "/api/clients/\(f.clientA)/access-log?from=2026-06-01&to=2026-06-30", allowed: "ua")
        }
        all["GET /api/clients/{id}/access-log.csv"] = { _, f in
            RouteSample(uri: "/api/clients/\(f.clientA)/access-log.csv?person=\(f.personA)", allowed: "ua")
        }
    }

    static func addRosterSamples(_ all: inout [String: Make]) {
        /// Client A's 王强 (no card yet), asked for by A's administrator.
        @Sendable func filed(_ site: ServerSite, _ f: ServerSite.Fixture) throws -> Int64 {
            try site.core.registry.fileCardRequest(personId: f.personA2, by: site.actor("ua")).id
        }
        all["GET /api/card-requests"] = { site, f in
            _ = try filed(site, f)
            return RouteSample(uri: "/api/card-requests?status=filed", allowed: "ua")
        }
        all["POST /api/card-requests"] = { _, f in
            RouteSample(uri: "/api/card-requests", body: ["person_id": f.personA2], allowed: "ua")
        }
        all["POST /api/card-requests/{id}/approve"] = { site, f in
            RouteSample(uri: "/api/card-requests/\(try filed(site, f))/approve", allowed: "kefu")
        }
        all["POST /api/card-requests/{id}/refuse"] = { site, f in
            RouteSample(uri: "/api/card-requests/\(try filed(site, f))/refuse", body: ["reason": "介绍信过期"], allowed: "kefu")
        }
        all["POST /api/card-requests/{id}/withdraw"] = { site, f in
            RouteSample(uri: "/api/card-requests/\(try filed(site, f))/withdraw", allowed: "ua")
        }
        all["PUT /api/people/{id}/grants"] = { _, f in
            RouteSample(uri: "/api/people/\(f.personA)/grants", body: ["may_move": true, "may_host": true], allowed: "ua")
        }
        // The same in the portal's pages
        all["GET /web/portal/roster"] = { site, f in
            _ = try filed(site, f)
            return RouteSample(uri: "/web/portal/roster", allowed: "ua")
        }
        all["POST /web/portal/people/{id}/card-request"] = { _, f in
            RouteSample(uri: "/web/portal/people/\(f.personA2)/card-request", form: [:], allowed: "ua")
        }
        all["POST /web/portal/card-requests/{id}/withdraw"] = { site, f in
            RouteSample(uri: "/web/portal/card-requests/\(try filed(site, f))/withdraw", form: [:], allowed: "ua")
        }
        all["POST /web/portal/people/{id}/grants"] = { _, f in
            RouteSample(uri: "/web/portal/people/\(f.personA)/grants", form: ["may_move": "yes"], allowed: "ua")
        }
        all["POST /web/portal/people/{id}/depart"] = { _, f in
            RouteSample(uri: "/web/portal/people/\(f.personA2)/depart", form: [:], allowed: "ua")
        }
        all["GET /web/portal/access-log"] = { _, f in
            RouteSample(uri: "/web/portal/access-log?from=2026-06-01&to=2026-06-30&person=\(f.personA)", allowed: "ua")
        }
        all["POST /web/portal/removals/{number}/cancel"] = { site, f in
            RouteSample(uri: "/web/portal/removals/\(try site.equipment(f).removal)/cancel", form: [:], allowed: "ua")
        }
    }

    static func addNotificationSamples(_ all: inout [String: Make]) {
        all["GET /api/notifications/subscriptions"] = { _, _ in
            RouteSample(uri: "/api/notifications/subscriptions", allowed: "admin")
        }
        all["POST /api/notifications/subscriptions"] = { _, _ in
            RouteSample(uri: "/api/notifications/subscriptions", body: ["channel": "email", "target": "kefu@idc.example", "events": ["request.filed"]],
                allowed: "admin")
        }
        all["DELETE /api/notifications/subscriptions/{id}"] = { site, _ in
            let made = try site.core.outbox.subscribe(
                NewSubscription(channel: "email", target: "kefu@idc.example", events: ["request.filed"]), clientId: nil,
                by: site.actor("admin"))
            return RouteSample(uri: "/api/notifications/subscriptions/\(made.subscription.id)", allowed: "admin")
        }
        all["GET /api/notifications/deliveries"] = { _, _ in
            RouteSample(uri: "/api/notifications/deliveries?status=pending", allowed: "admin")
        }
        all["GET /api/notifications/mail-settings"] = { site, _ in
            _ = try site.core.outbox.setMailSettings(
                MailSettings(smtpURL: "smtp://127.0.0.1:2525", from: "colopass@idc.example"), by: site.actor("admin"))
            return RouteSample(uri: "/api/notifications/mail-settings", allowed: "admin")
        }
        all["PUT /api/notifications/mail-settings"] = { _, _ in
            RouteSample(
                uri: "/api/notifications/mail-settings",
                body: ["smtp_url": "smtp://127.0.0.1:2525", "from": "colopass@idc.example"], allowed: "admin")
        }
        all["GET /api/clients/{id}/subscriptions"] = { _, f in
            RouteSample(uri: "/api/clients/\(f.clientA)/subscriptions", allowed: "ua")
        }
        all["POST /api/clients/{id}/subscriptions"] = { _, f in
            RouteSample(
                uri: "/api/clients/\(f.clientA)/subscriptions",
                body: ["channel": "webhook", "target": "https://ops.yunzhan.example/hooks", "events": ["card.issued"]],
                allowed: "ua")
        }
        all["DELETE /api/clients/{id}/subscriptions/{subscription}"] = { site, f in
            let made = try site.core.outbox.subscribe(
                NewSubscription(channel: "email", target: "ops@yunzhan.example", events: ["card.issued"]),
                clientId: f.clientA, by: site.actor("ua"))
            return RouteSample(uri: "/api/clients/\(f.clientA)/subscriptions/\(made.subscription.id)", allowed: "ua")
        }
        all["GET /api/clients/{id}/deliveries"] = { _, f in
            RouteSample(uri: "/api/clients/\(f.clientA)/deliveries", allowed: "ua")
        }
        all["PUT /api/accounts/{name}/client-admin"] = { _, _ in
            RouteSample(uri: "/api/accounts/ua/client-admin", body: ["granted": false], allowed: "admin")
        }
    }
}
