import Foundation
import GRDB

/// Where a client (or the site, `clientId` nil) wants which topics: an e-mail address or a
/// webhook URL with its signing secret.
public struct NotificationSubscription: Record, Identifiable, Equatable {
    public enum Channel: String, Codable, Sendable, CaseIterable {
        case email, webhook
    }

    public enum Status: String, Codable, Sendable {
        case active, removed
    }

    public var id: Int64
    public var clientId: Int64?
    public var channel: Channel
    public var target: String
    /// The webhook's HMAC-SHA256 key; shown once, when the subscription is made.
    public var secret: String?
    /// Space-separated topics.
    public var events: String
    public var status: Status
    public var createdBy: String
    public var createdAt: Date

    public static let databaseTableName = "notification_subscription"

    public var topics: [NotificationTopic] { events.split(separator: " ").compactMap { NotificationTopic(rawValue: String($0)) } }

    /// What lists and the audit log show: never the secret.
    public var redacted: NotificationSubscription {
        var copy = self
        copy.secret = secret == nil ? nil : "(set)"
        return copy
    }

    public enum Columns {
        public static let id = Column("id")
        public static let clientId = Column("client_id")
        public static let status = Column("status")
    }
}

/// One event, written in the transaction of the change it reports.
public struct NotificationEvent: Record, Identifiable, Equatable {
    public var id: Int64
    public var type: NotificationTopic
    public var clientId: Int64?
    public var dedupeKey: String?
    /// "zh / en", one line: the e-mail's subject.
    public var subject: String
    /// JSON object: what the event is about (numbers, states, the reason).
    public var payload: String
    public var createdAt: Date

    public static let databaseTableName = "notification_event"
}

/// One event to one subscription: sent until it is delivered, once.
public struct NotificationDelivery: Record, Identifiable, Equatable {
    public enum Status: String, Codable, Sendable {
        case pending, delivered, failed
    }

    public var id: Int64
    public var eventId: Int64
    public var subscriptionId: Int64
    public var idempotencyKey: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var deliveredAt: Date?

    public static let databaseTableName = "notification_delivery"

    public enum Columns {
        public static let id = Column("id")
        public static let eventId = Column("event_id")
        public static let subscriptionId = Column("subscription_id")
        public static let status = Column("status")
        public static let nextAttemptAt = Column("next_attempt_at")
    }
}
