import Foundation
import GRDB

/// The site's mail server, kept in the `setting` table: `smtp://host:port` (or `smtps://`) and
/// the sender address. Without them e-mail deliveries wait (and say why) rather than fail.
public struct MailSettings: Sendable, Codable, Equatable {
    public var smtpURL: String
    public var from: String

    public init(smtpURL: String, from: String) {
        self.smtpURL = smtpURL
        self.from = from
    }

    static let urlKey = "notify.smtp_url"
    static let fromKey = "notify.smtp_from"
}

extension Outbox {
    public func mailSettings(by actor: Actor) throws -> MailSettings? {
        try read(actor, .manageNotifications) { db in try Self.mailSettings(db) }
    }

    public func setMailSettings(_ settings: MailSettings, by actor: Actor) throws -> MailSettings {
        let url = settings.smtpURL.trimmingCharacters(in: .whitespaces)
        guard let parsed = URL(string: url), ["smtp", "smtps"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw CoreError.invalid(
                "smtp_url", zh: "应为 smtp://主机:端口 或 smtps://主机:端口", en: "smtp://host:port or smtps://host:port")
        }
        let from = try Self.emailAddress(settings.from, field: "from")
        let clean = MailSettings(smtpURL: url, from: from)
        return try perform(actor, .manageNotifications, action: "notify.settings") { tx in
            let before = try Self.mailSettings(tx.db)
            for (key, value) in [(MailSettings.urlKey, url), (MailSettings.fromKey, from)] {
                try tx.db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            }
            try tx.audit("notify.settings", "setting", key: "smtp", before: before, after: clean)
            return clean
        }
    }

    static func mailSettings(_ db: Database) throws -> MailSettings? {
        let url = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [MailSettings.urlKey])
        let from = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [MailSettings.fromKey])
        guard let url, let from else { return nil }
        return MailSettings(smtpURL: url, from: from)
    }

    /// A plain address (`name@host`): no display name, no spaces, nothing a header could be
    /// split with.
    static func emailAddress(_ text: String, field: String) throws -> String {
        let address = text.trimmingCharacters(in: .whitespaces)
        guard address.count <= 254,
            address.range(of: #"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+$"#, options: .regularExpression) != nil
        else {
            throw CoreError.invalid(field, zh: "电子邮件地址无效", en: "not an e-mail address")
        }
        return address
    }
}
