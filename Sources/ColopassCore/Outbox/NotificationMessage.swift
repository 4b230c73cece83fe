import Foundation

/// What one delivery sends: the event as JSON (the webhook's body) and as an e-mail.
struct NotificationMessage {
    var idempotencyKey: String
    var event: NotificationEvent

    /// `{"id", "type", "client_id", "created_at", "subject", "data"}`, keys sorted.
    var json: [UInt8] {
        let data = (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) ?? [:]
        var object: [String: Any] = [
            "id": idempotencyKey, "type": event.type.rawValue, "subject": event.subject, "data": data,
            "created_at": event.createdAt.formatted(.iso8601),
        ]
        object["client_id"] = event.clientId ?? NSNull()
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    /// `Colopass-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as
    /// Stripe signs: the receiver recomputes it and refuses an old timestamp (a replay).
    static func signature(secret: String, timestamp: Int, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(HMACSHA256.hex(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + body))"
    }

    /// An RFC 5322 message: UTF-8 text in base64, the subject RFC 2047-encoded, the delivery's key
    /// as Message-ID so a mailbox can drop a repeat.
    func mail(from: String, to: String, domain: String, at date: Date) -> [UInt8] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let data = (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) as? [String: String] ?? [:]
        let text = ([event.subject, ""] + data.keys.sorted().map { "\($0): \(data[$0]!)" } + ["", "Colopass"])
            .joined(separator: "\r\n")
        let body = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: =?UTF-8?B?\(Data(event.subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))", "Message-ID: <\(idempotencyKey)@\(domain)>",
            "X-Colopass-Event: \(event.type.rawValue)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64",
        ]
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }
}
