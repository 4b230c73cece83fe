/// Notifications: an outbox of events written in the transaction of the change they report,
/// fanned out to the subscriptions that want them, and delivered after commit by `serve`'s
/// worker (e-mail through the site's SMTP server, webhooks signed with HMAC-SHA256), retried
/// with backoff and sent once per event and subscription.
public struct Outbox: SiteArea {
    public let site: Site

    public init(site: Site) {
        self.site = site
    }
}
