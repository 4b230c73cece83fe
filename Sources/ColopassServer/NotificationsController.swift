import ColopassCore
import Foundation
import Hummingbird

/// Notifications: the site's own subscriptions, the mail server and every delivery's state
/// (the admin's), and each client's own subscriptions and deliveries (its administrator's).
struct NotificationsController: Sendable {
    let core: Core

    struct SubscriptionRequest: Decodable {
        var channel: String
        var target: String
        var events: [String]

        var core: NewSubscription { NewSubscription(channel: channel, target: target, events: events) }
    }

    struct MailSettingsRequest: Decodable {
        var smtpUrl: String
        var from: String
    }

    struct Grant: Decodable {
        var granted: Bool
    }

    static func status(_ request: Request) throws -> NotificationDelivery.Status? {
        try Input.query("status", request).map { text in
            guard let status = NotificationDelivery.Status(rawValue: text) else {
                throw CoreError.invalid("status", zh: "未知状态", en: "one of pending, delivered, failed")
            }
            return status
        }
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/notifications/subscriptions", .signedIn, .manageNotifications) { _, context in
                try Reply.json(try core.outbox.subscriptions(clientId: nil, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/notifications/subscriptions", .signedIn, .manageNotifications) { request, context in
                let body = try await Input.json(SubscriptionRequest.self, from: request, core)
                return try Reply.json(
                    try core.outbox.subscribe(body.core, clientId: nil, by: try context.actor(core)), status: .created)
            },
            APIRoute(.delete, "/api/notifications/subscriptions/{id}", .signedIn, .manageNotifications) { _, context in
                try Reply.json(
                    try core.outbox.unsubscribe(try Input.id("id", context), clientId: nil, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/notifications/deliveries", .signedIn, .manageNotifications) { request, context in
                try Reply.json(
                    try core.outbox.deliveries(clientId: nil, status: try Self.status(request), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/notifications/mail-settings", .signedIn, .manageNotifications) { _, context in
                guard let settings = try core.outbox.mailSettings(by: try context.actor(core)) else {
                    throw CoreError.notFound(entity: "mail settings", key: "smtp")
                }
                return try Reply.json(settings)
            },
            APIRoute(.put, "/api/notifications/mail-settings", .signedIn, .manageNotifications) { request, context in
                let body = try await Input.json(MailSettingsRequest.self, from: request, core)
                return try Reply.json(
                    try core.outbox.setMailSettings(
                        MailSettings(smtpURL: body.smtpUrl, from: body.from), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/clients/{id}/subscriptions", .signedIn, .subscribeNotifications) { _, context in
                try Reply.json(
                    try core.outbox.subscriptions(clientId: try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/clients/{id}/subscriptions", .signedIn, .subscribeNotifications) { request, context in
                let body = try await Input.json(SubscriptionRequest.self, from: request, core)
                return try Reply.json(
                    try core.outbox.subscribe(body.core, clientId: try Input.id("id", context), by: try context.actor(core)),
                    status: .created)
            },
            APIRoute(.delete, "/api/clients/{id}/subscriptions/{subscription}", .signedIn, .subscribeNotifications) {
                _, context in
                try Reply.json(
                    try core.outbox.unsubscribe(
                        try Input.id("subscription", context), clientId: try Input.id("id", context),
                        by: try context.actor(core)))
            },
            APIRoute(.get, "/api/clients/{id}/deliveries", .signedIn, .subscribeNotifications) { request, context in
                try Reply.json(
                    try core.outbox.deliveries(
                        clientId: try Input.id("id", context), status: try Self.status(request), by: try context.actor(core)))
            },
            APIRoute(.put, "/api/accounts/{name}/client-admin", .signedIn, .manageAccounts) { request, context in
                let body = try await Input.json(Grant.self, from: request, core)
                return try Reply.json(
                    try core.accounts.setClientAdmin(
                        try Input.text("name", context), granted: body.granted, by: try context.actor(core)))
            },
        ]
    }
}
