import ArgumentParser
import ColopassCore
import Foundation

/// The desk's queue of documents clients sent (C1): nothing reaches a badge or a door until
/// customer service approves it. A thin shell over `Registry`'s review.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "客户提交的证件材料 / Documents clients sent (C1)",
        subcommands: [DocumentsReviewCommand.self])
}

struct DocumentsReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "待审核的照片、证件复印件和介绍信 / The review queue: photos, ID copies, letters",
        subcommands: [List.self, Approve.self, Reject.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "待审核（或按状态）/ Waiting for review (or by status)")
        @OptionGroup var global: GlobalOptions
        @Option(help: "pending (default), approved, refused, superseded.") var status: String = "pending"

        func validate() throws {
            guard DocumentReview.Status(rawValue: status) != nil else {
                throw ValidationError("--status: one of pending, approved, refused, superseded")
            }
        }

        func run() throws {
            let core = try global.openCore()
            let reviews = try core.registry.documentReviews(status: DocumentReview.Status(rawValue: status), by: try global.actor(core))
            if global.json { return Output.json(reviews) }
            let zone = core.policy.site.timeZone
            Output.table(
                ["编号/id", "人员/person", "客户/client", "材料/kind", "提交/submitted", "状态/status"],
                reviews.map {
                    [
                        String($0.review.id), "\($0.personName) (#\($0.review.personId))", String($0.clientId),
                        "\($0.review.kind.title.zh)/\($0.review.kind.title.en)",
                        "\(SiteTime.format($0.review.submittedAt, in: zone)) \($0.review.submittedBy)", $0.review.status.rawValue,
                    ]
                })
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "批准：此后证件与门禁使用该材料 / Approve: badges and doors use it from now")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Review id.") var id: Int64

        func run() throws {
            let core = try global.openCore()
            let view = try core.registry.approveDocument(id, by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("已批准 / approved: \(view.review.id)  \(view.personName) \(view.review.kind.title.zh)/\(view.review.kind.title.en)")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "驳回，附原因（通知客户）/ Refuse, with the reason the client reads")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Review id.") var id: Int64
        @Option(help: "Why, as the client will read it.") var reason: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.registry.refuseDocument(id, reason: reason, by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("已驳回 / refused: \(view.review.id)  \(view.personName) \(view.review.kind.title.zh)/\(view.review.kind.title.en)")
        }
    }
}

/// Notifications as the admin or a client's administrator sees them: where events go and what
/// became of each delivery. A thin shell over `Outbox`.
struct NotificationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notifications", abstract: "通知：订阅与投递 / Notifications: subscriptions and deliveries",
        subcommands: [Subscriptions.self, Subscribe.self, Deliveries.self])

    struct Subscribe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新订阅（webhook 密钥只显示这一次）/ Subscribe: e-mail or webhook (its secret shown once)")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A client's id (its administrator subscribes); without it, the site's (admin).") var client: Int64?
        @Option(help: "email or webhook.") var channel: String
        @Option(help: "The address or https URL.") var target: String
        @Option(name: .customLong("event"), help: "An event to receive (repeat): request.filed, card.issued, …") var events: [String]

        func run() throws {
            let core = try global.openCore()
            let made = try core.outbox.subscribe(
                NewSubscription(channel: channel, target: target, events: events), clientId: client, by: try global.actor(core))
            if global.json { return Output.json(made) }
            print("已订阅 / subscribed: \(made.subscription.id)  \(made.subscription.channel.rawValue) \(made.subscription.target)")
            if let secret = made.secret { print("签名密钥（只显示这一次）/ signing secret (shown once): \(secret)") }
        }
    }

    struct Subscriptions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "订阅（本站的，或 --client 的）/ Subscriptions: the site's, or a client's with --client")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A client's id (its users see their own); without it, the site's (admin).") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let subscriptions = try core.outbox.subscriptions(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(subscriptions) }
            Output.table(
                ["编号/id", "方式/channel", "目标/target", "事件/events"],
                subscriptions.map { [String($0.id), $0.channel.rawValue, $0.target, $0.events] })
        }
    }

    struct Deliveries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "投递状态，最新在前 / Each delivery's state, newest first")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A client's id (its users see their own); without it, all of them (admin).") var client: Int64?
        @Option(help: "pending, delivered or failed.") var status: String?
        @Option(help: "At most this many (default 200).") var limit: Int = 200

        func validate() throws {
            if let status, NotificationDelivery.Status(rawValue: status) == nil {
                throw ValidationError("--status: one of pending, delivered, failed")
            }
            guard limit > 0 else { throw ValidationError("--limit: at least 1") }
        }

        func run() throws {
            let core = try global.openCore()
            let deliveries = try core.outbox.deliveries(
                clientId: client, status: status.flatMap(NotificationDelivery.Status.init(rawValue:)), limit: limit,
                by: try global.actor(core))
            if global.json { return Output.json(deliveries) }
            let zone = core.policy.site.timeZone
            Output.table(
                ["编号/id", "事件/event", "对象/subject", "方式/channel", "目标/target", "状态/status", "次数/attempts", "送达/delivered"],
                deliveries.map {
                    [
                        String($0.delivery.id), $0.type.rawValue, $0.subject, $0.channel.rawValue, $0.target,
                        $0.delivery.status.rawValue + ($0.delivery.lastError.map { " (\($0))" } ?? ""), String($0.delivery.attempts),
                        $0.delivery.deliveredAt.map { SiteTime.format($0, in: zone) } ?? "—",
                    ]
                })
        }
    }
}
