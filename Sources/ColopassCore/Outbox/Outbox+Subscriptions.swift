import Foundation
import GRDB

public struct NewSubscription: Sendable {
    public var channel: String
    public var target: String
    public var events: [String]

    public init(channel: String, target: String, events: [String]) {
        self.channel = channel
        self.target = target
        self.events = events
    }
}

/// A subscription as made: the webhook's secret is in it this once.
public struct SubscriptionCreated: Sendable, Codable {
    public var subscription: NotificationSubscription
    public var secret: String?
}

/// A delivery as the admin follows it.
public struct DeliveryView: Sendable, Codable, Equatable {
    public var delivery: NotificationDelivery
    public var type: NotificationTopic
    public var subject: String
    public var channel: NotificationSubscription.Channel
    public var target: String
}

extension Outbox {
    /// The site's own subscriptions (`clientId` nil: every client's events, e.g. customer
    /// service's mailbox for filed requests) are the admin's; a client's are its administrator's.
    public func subscribe(_ input: NewSubscription, clientId: Int64?, by actor: Actor) throws -> SubscriptionCreated {
        guard let channel = NotificationSubscription.Channel(rawValue: input.channel) else {
            throw CoreError.invalid("channel", zh: "应为 email 或 webhook", en: "email or webhook")
        }
        let target: String
        switch channel {
        case .email: target = try Self.emailAddress(input.target, field: "target")
        case .webhook:
            let text = input.target.trimmingCharacters(in: .whitespaces)
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                text.count <= 500
            else {
                throw CoreError.invalid("target", zh: "应为 http(s):// 网址", en: "an http(s):// URL")
            }
            target = text
        }
        let topics = try input.events.map { name in
            guard let topic = NotificationTopic(rawValue: name) else {
                throw CoreError.invalid(
                    "events", zh: "未知事件 \(name)",
                    en: "unknown event \(name); one of \(NotificationTopic.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return topic
        }
        if clientId != nil, let siteOnly = topics.first(where: \.isSiteOnly) {
            throw CoreError.invalid(
                "events", zh: "\(siteOnly.rawValue) 是数据中心内部事件，客户不能订阅",
                en: "\(siteOnly.rawValue) is the site's own business; a client cannot subscribe to it")
        }
        guard !topics.isEmpty else {
            throw CoreError.invalid("events", zh: "至少选择一个事件", en: "choose at least one event")
        }
        let secret = channel == .webhook ? "whsec_" + SecureRandom.bytes(24).hexString : nil
        return try perform(actor, clientId == nil ? .manageNotifications : .subscribeNotifications, action: "notify.subscribe") { tx in
            if let clientId {
                try tx.requireOwnClient(clientId)
                try tx.requireClientAdmin()
                _ = try Registry.fetchClient(clientId, tx.db)
            }
            let subscription = NotificationSubscription(
                id: try Store.nextID(of: NotificationSubscription.databaseTableName, in: tx.db), clientId: clientId,
                channel: channel, target: target, secret: secret,
                events: Array(Set(topics.map(\.rawValue))).sorted().joined(separator: " "), status: .active,
                createdBy: tx.actor.name, createdAt: tx.now)
            try subscription.insert(tx.db)
            try tx.audit("notify.subscribe", "notification_subscription", key: String(subscription.id), after: subscription.redacted)
            return SubscriptionCreated(subscription: subscription.redacted, secret: secret)
        }
    }

    public func unsubscribe(_ id: Int64, clientId: Int64?, by actor: Actor) throws -> NotificationSubscription {
        try perform(actor, clientId == nil ? .manageNotifications : .subscribeNotifications, action: "notify.unsubscribe") { tx in
            if let clientId {
                try tx.requireOwnClient(clientId)
                try tx.requireClientAdmin()
            }
            guard let before = try NotificationSubscription.fetchOne(tx.db, key: id), before.clientId == clientId,
                before.status == .active
            else { throw CoreError.notFound(entity: "subscription", key: String(id)) }
            var subscription = before
            subscription.status = .removed
            try subscription.update(tx.db)
            try tx.audit(
                "notify.unsubscribe", "notification_subscription", key: String(id), before: before.redacted,
                after: subscription.redacted)
            return subscription.redacted
        }
    }

    /// A client's subscriptions (its users see them), or the site's own (`clientId` nil, the admin).
    public func subscriptions(clientId: Int64?, by actor: Actor) throws -> [NotificationSubscription] {
        try read(actor, clientId == nil ? .manageNotifications : .subscribeNotifications) { db in
            if let clientId { try requireOwnClient(actor, clientId) }
            return try NotificationSubscription
                .filter(NotificationSubscription.Columns.clientId == clientId
                    && NotificationSubscription.Columns.status == NotificationSubscription.Status.active.rawValue)
                .order(NotificationSubscription.Columns.id).fetchAll(db).map(\.redacted)
        }
    }

    /// Every delivery's state, newest first: all of them for the admin (`clientId` nil), a
    /// client's own for its users.
    public func deliveries(
        clientId: Int64?, status: NotificationDelivery.Status? = nil, limit: Int = 200, by actor: Actor
    ) throws -> [DeliveryView] {
        try read(actor, clientId == nil ? .manageNotifications : .subscribeNotifications) { db in
            if let clientId { try requireOwnClient(actor, clientId) }
            var sql = """
                SELECT d.*, e.type AS event_type, e.subject AS event_subject, s.channel AS sub_channel, s.target AS sub_target
                FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
                JOIN notification_subscription s ON s.id = d.subscription_id WHERE 1 = 1
                """
            var arguments: StatementArguments = []
            if let clientId {
                sql += " AND s.client_id = ?"
                _ = arguments.append(contentsOf: [clientId])
            }
            if let status {
                sql += " AND d.status = ?"
                _ = arguments.append(contentsOf: [status.rawValue])
            }
            sql += " ORDER BY d.id DESC LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                DeliveryView(
                    delivery: try NotificationDelivery(row: row), type: try row.decode(rawValueForColumn: "event_type"),
                    subject: row["event_subject"], channel: try row.decode(rawValueForColumn: "sub_channel"),
                    target: row["sub_target"])
            }
        }
    }
}
