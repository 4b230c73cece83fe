import CCurl
import Foundation
import GRDB
import Synchronization

/// What one round of the worker did.
public struct DeliveryRound: Sendable, Equatable {
    public var delivered = 0
    /// Failed this time, tried again later.
    public var retrying = 0
    /// Failed for the last time allowed: given up, visible to the admin.
    public var failed = 0
    public var attempted: Int { delivered + retrying + failed }
}

extension Outbox {
    /// Sends every delivery that is due, a few at a time, and records each outcome (audited).
    /// Runs after the changes it reports have committed: an event exists only once its change does.
    /// A delivery is marked delivered right after the receiver accepted it; were the process to
    /// die in between, it is sent again under the same idempotency key (Message-ID, webhook
    /// `Idempotency-Key`), which is how the receiver recognises a repeat.
    public func deliverDue(limit: Int = 500, width: Int = 8) throws -> DeliveryRound {
        let now = clock.now()
        let (due, mail) = try store.pool.read { db in
            (try Self.dueDeliveries(at: now, limit: limit, db), try Self.mailSettings(db))
        }
        guard !due.isEmpty else { return DeliveryRound() }
        let outcomes = Mutex([String?](repeating: nil, count: due.count))
        for start in stride(from: 0, to: due.count, by: width) {
            let batch = Array(due[start..<min(start + width, due.count)])
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let error = send(batch[index], mail: mail, at: now)
                outcomes.withLock { $0[start + index] = error }
            }
        }
        return try record(zip(due, outcomes.withLock { $0 }).map { ($0.0.delivery, $0.1) })
    }

    struct Due {
        var delivery: NotificationDelivery
        var event: NotificationEvent
        var subscription: NotificationSubscription
    }

    static func dueDeliveries(at now: Date, limit: Int, _ db: Database) throws -> [Due] {
        let deliveries = try NotificationDelivery
            .filter(NotificationDelivery.Columns.status == NotificationDelivery.Status.pending.rawValue
                && NotificationDelivery.Columns.nextAttemptAt <= now)
            .order(NotificationDelivery.Columns.nextAttemptAt, NotificationDelivery.Columns.id)
            .limit(limit).fetchAll(db)
        var events: [Int64: NotificationEvent] = [:]
        var subscriptions: [Int64: NotificationSubscription] = [:]
        return try deliveries.compactMap { delivery in
            if events[delivery.eventId] == nil { events[delivery.eventId] = try NotificationEvent.fetchOne(db, key: delivery.eventId) }
            if subscriptions[delivery.subscriptionId] == nil {
                subscriptions[delivery.subscriptionId] = try NotificationSubscription.fetchOne(db, key: delivery.subscriptionId)
            }
            guard let event = events[delivery.eventId], let subscription = subscriptions[delivery.subscriptionId] else {
                return nil
            }
            return Due(delivery: delivery, event: event, subscription: subscription)
        }
    }

    /// One attempt; nil when the receiver accepted it, else why not.
    func send(_ due: Due, mail: MailSettings?, at now: Date) -> String? {
        let message = NotificationMessage(idempotencyKey: due.delivery.idempotencyKey, event: due.event)
        do {
            switch due.subscription.channel {
            case .email:
                guard let mail else { return "no SMTP server configured (PUT /api/notifications/mail-settings)" }
                let bytes = message.mail(
                    from: mail.from, to: due.subscription.target, domain: policy.site.code.lowercased() + ".colopass",
                    at: now)
                let recipients = curl_slist_append(nil, "<\(due.subscription.target)>")
                defer { curl_slist_free_all(recipients) }
                _ = try CurlTransfer.perform(url: mail.smtpURL, body: bytes) { handle in
                    _ = colopass_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(mail.from)>")
                    _ = colopass_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
                    _ = colopass_curl_set_long(handle, CURLOPT_UPLOAD, 1)
                    _ = colopass_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue))
                }
                return nil
            case .webhook:
                let body = message.json
                let timestamp = Int(now.timeIntervalSince1970)
                var headers: UnsafeMutablePointer<curl_slist>? = nil
                for header in [
                    "Content-Type: application/json",
                    "Colopass-Signature: \(NotificationMessage.signature(secret: due.subscription.secret ?? "", timestamp: timestamp, body: body))",
                    "Colopass-Event: \(due.event.type.rawValue)", "Idempotency-Key: \(due.delivery.idempotencyKey)",
                    // No "Expect: 100-continue" round trip before the body.
                    "Expect:",
                ] {
                    headers = curl_slist_append(headers, header)
                }
                defer { curl_slist_free_all(headers) }
                let status = try CurlTransfer.perform(url: due.subscription.target, body: body) { handle in
                    _ = colopass_curl_set_long(handle, CURLOPT_POST, 1)
                    _ = colopass_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
                    _ = colopass_curl_set_list(handle, CURLOPT_HTTPHEADER, headers)
                }
                return (200..<300).contains(status) ? nil : "HTTP \(status)"
            }
        } catch {
            return String(describing: error)
        }
    }

    /// The outcomes of one round, in one transaction, each audited.
    func record(_ outcomes: [(NotificationDelivery, String?)]) throws -> DeliveryRound {
        let parameters = policy.parameters
        return try perform(.system, .manageNotifications, action: "notify.deliver") { tx in
            var round = DeliveryRound()
            for (before, error) in outcomes {
                var delivery = before
                delivery.attempts += 1
                if let error {
                    delivery.lastError = String(error.prefix(500))
                    if delivery.attempts >= parameters.notificationMaxAttempts {
                        delivery.status = .failed
                        round.failed += 1
                    } else {
                        // 1, 2, 4, 8… times the first delay, at most an hour apart.
                        let delay = min(
                            Double(parameters.notificationRetrySeconds) * pow(2, Double(delivery.attempts - 1)), 3600)
                        delivery.nextAttemptAt = tx.now.addingTimeInterval(delay)
                        round.retrying += 1
                    }
                } else {
                    delivery.status = .delivered
                    delivery.deliveredAt = tx.now
                    delivery.lastError = nil
                    round.delivered += 1
                }
                try delivery.update(tx.db)
                let action = delivery.status == .delivered ? "notify.delivered" : (delivery.status == .failed ? "notify.failed" : "notify.retry")
                try tx.audit(action, "notification_delivery", key: delivery.idempotencyKey, after: delivery)
            }
            return round
        }
    }
}
