import Foundation
import GRDB

/// What an audited change tells the people following it. The outbox follows the audit log: the
/// audit record and the event are written by the same call in the same transaction, so no code
/// path that changes a card or a request can forget to tell anyone, and nothing is told about a
/// change that rolled back.
struct Notice {
    var topic: NotificationTopic
    var clientId: Int64?
    var subject: Bilingual
    var data: [String: String]
    var dedupeKey: String? = nil
}

extension Outbox {
    static func notice(for action: String, key: String, after: Any?, in tx: Transaction) throws -> Notice? {
        switch (action, after) {
        case ("card.issue", let card as Card), ("card.reissue", let card as Card):
            return Notice(
                topic: .cardIssued, clientId: card.clientId,
                subject: Bilingual(zh: "出入证已办理：\(card.number)", en: "card issued: \(card.number)"),
                data: card.noticeData(tx))
        case ("card.cancel", let card as Card), ("card.lost", let card as Card):
            let lost = card.status == .lost
            return Notice(
                topic: .cardCancelled, clientId: card.clientId,
                subject: Bilingual(
                    zh: "出入证已\(lost ? "挂失" : "注销")：\(card.number)",
                    en: "card \(lost ? "reported lost" : "cancelled"): \(card.number)"),
                data: card.noticeData(tx).merging(["reason": card.cancelReason ?? "", "clause": card.stopClause?.rawValue ?? (lost ? "C4" : "")]) { $1 })
        case ("card.expiring", let card as Card):
            return Notice(
                topic: .cardExpiring, clientId: card.clientId,
                subject: Bilingual(
                    zh: "出入证 \(card.number) 将于 \(SiteTime.format(card.validUntil, in: tx.policy.site.timeZone)) 到期",
                    en: "card \(card.number) expires on \(SiteTime.format(card.validUntil, in: tx.policy.site.timeZone))"),
                data: card.noticeData(tx), dedupeKey: "card.expiring:\(card.id):\(card.generation)")
        case ("visit.file", let image as VisitRequestImage):
            return visitNotice(.requestFiled, image.request, visitors: image.visitors.count)
        case ("visit.approve", let request as VisitRequest):
            return visitNotice(.requestApproved, request, visitors: nil)
        case ("visit.reject", let request as VisitRequest):
            return visitNotice(.requestRefused, request, visitors: nil)
        case ("visit.cancel", let request as VisitRequest) where request.decidedBy == request.requestedBy:
            return visitNotice(.requestWithdrawn, request, visitors: nil)
        case ("removal.file", let view as RemovalView):
            return removalNotice(.requestFiled, view.request)
        case ("removal.approve", let request as RemovalRequest):
            return removalNotice(.requestApproved, request)
        case ("removal.reject", let request as RemovalRequest):
            return removalNotice(.requestRefused, request)
        case ("removal.cancel", let request as RemovalRequest):
            return removalNotice(.requestWithdrawn, request)
        case ("exitslip.issue", let slip as ExitSlip):
            return Notice(
                topic: .exitSlipIssued, clientId: slip.clientId,
                subject: Bilingual(zh: "出门条已开具：\(slip.number)", en: "exit slip issued: \(slip.number)"),
                data: ["exit_slip": slip.number, "valid_on": slip.validOn.description])
        case ("document.refuse", let review as DocumentReview):
            let person = try Registry.fetchPerson(review.personId, tx.db)
            return Notice(
                topic: .documentRefused, clientId: person.clientId,
                subject: Bilingual(
                    zh: "\(person.name)的\(review.kind.title.zh)被退回", en: "\(review.kind.title.en) of \(person.name) refused"),
                data: ["person_id": String(person.id), "document": review.kind.rawValue, "reason": review.reason ?? ""])
        case ("cardrequest.file", let request as CardRequest),
            ("cardrequest.approve", let request as CardRequest),
            ("cardrequest.refuse", let request as CardRequest),
            ("cardrequest.withdraw", let request as CardRequest):
            let topic: NotificationTopic =
                switch request.status {
                case .filed: .requestFiled
                case .approved: .requestApproved
                case .refused: .requestRefused
                case .withdrawn: .requestWithdrawn
                }
            return Notice(
                topic: topic, clientId: request.clientId,
                subject: Bilingual(
                    zh: "办证申请 \(request.id)：\(topic.title.zh)", en: "card request \(request.id): \(topic.title.en)"),
                data: [
                    "card_request": String(request.id), "person_id": String(request.personId),
                    "status": request.status.rawValue, "reason": request.reason ?? "", "card": request.cardNumber ?? "",
                ])
        default:
            return try serviceDeskNotice(for: action, key: key, after: after, in: tx)
        }
    }

    private static func visitNotice(_ topic: NotificationTopic, _ request: VisitRequest, visitors: Int?) -> Notice {
        var data = [
            "visit_request": String(request.id), "status": request.status.rawValue,
            "window_start": request.windowStart.formatted(.iso8601), "window_end": request.windowEnd.formatted(.iso8601),
            "reason": request.decisionReason ?? "",
        ]
        if let visitors { data["visitors"] = String(visitors) }
        return Notice(
            topic: topic, clientId: request.clientId,
            subject: Bilingual(
                zh: "临时进入申请 \(request.id)：\(topic.title.zh)", en: "temporary entry request \(request.id): \(topic.title.en)"),
            data: data)
    }

    private static func removalNotice(_ topic: NotificationTopic, _ request: RemovalRequest) -> Notice {
        Notice(
            topic: topic, clientId: request.clientId,
            subject: Bilingual(
                zh: "\(request.kind.title.zh)申请 \(request.number)：\(topic.title.zh)",
                en: "\(request.kind.title.en) request \(request.number): \(topic.title.en)"),
            data: [
                "removal": request.number, "kind": request.kind.rawValue, "status": request.status.rawValue,
                "removal_date": request.removalDate.description,
                "reason": request.rejectReason ?? request.cancelReason ?? "",
            ])
    }

    /// The event and one delivery per subscription that wants it, in the caller's transaction.
    /// A notice with a dedupe key already recorded is not recorded again (a job run twice).
    @discardableResult
    static func record(_ notice: Notice, in tx: Transaction) throws -> NotificationEvent? {
        if let key = notice.dedupeKey,
            try Int.fetchOne(tx.db, sql: "SELECT COUNT(*) FROM notification_event WHERE dedupe_key = ?", arguments: [key])! > 0
        {
            return nil
        }
        let subscriptions = try NotificationSubscription.filter(
            NotificationSubscription.Columns.status == NotificationSubscription.Status.active.rawValue
                && (NotificationSubscription.Columns.clientId == nil
                    || NotificationSubscription.Columns.clientId == notice.clientId)
        ).fetchAll(tx.db).filter {
            $0.topics.contains(notice.topic) && ($0.clientId == nil || !notice.topic.isSiteOnly)
        }
        let payload = try JSONSerialization.data(withJSONObject: notice.data, options: [.sortedKeys])
        let event = NotificationEvent(
            id: try Store.nextID(of: NotificationEvent.databaseTableName, in: tx.db), type: notice.topic,
            clientId: notice.clientId, dedupeKey: notice.dedupeKey, subject: notice.subject.line,
            payload: String(decoding: payload, as: UTF8.self), createdAt: tx.now)
        try event.insert(tx.db)
        var nextID = try Store.nextID(of: NotificationDelivery.databaseTableName, in: tx.db)
        for subscription in subscriptions {
            try NotificationDelivery(
                id: nextID, eventId: event.id, subscriptionId: subscription.id,
                idempotencyKey: "evt_\(event.id)-sub_\(subscription.id)", status: .pending, attempts: 0,
                nextAttemptAt: tx.now
            ).insert(tx.db)
            nextID += 1
        }
        return event
    }
}

extension Card {
    fileprivate func noticeData(_ tx: Transaction) -> [String: String] {
        [
            "card": number, "person_id": String(personId), "status": status.rawValue, "generation": String(generation),
            "valid_until": SiteTime.format(validUntil, in: tx.policy.site.timeZone),
        ]
    }
}
