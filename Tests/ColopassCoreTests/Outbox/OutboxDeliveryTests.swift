import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// The outbox: an event is written with its change, delivered after commit to a real SMTP server
/// and to a webhook that checks its signature, retried with backoff, and sent once.
@Suite("Notifications: outbox, e-mail and signed webhooks")
struct OutboxDeliveryTests {
    @Test func anEventIsWrittenWithItsChangeAndNotWithARefusedOne() throws {
        // given: the client's administrator follows its cards
        let scene = try OutboxScene()
        let site = scene.site
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: "http://127.0.0.1:9/none", events: ["card.issued"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        let withDocuments = try site.person(of: scene.client.id)
        let without = try site.person(of: scene.client.id, name: "王强", idNumber: "310115199007042347", documents: false)
        // when: one card is issued and one is refused (C1: no photo)
        _ = try site.core.cards.issueCard(personId: withDocuments.id, by: site.service)
        #expect(refusal(coreError { try site.core.cards.issueCard(personId: without.id, by: site.service) })?.clause.code == "C1.photo")
        // then: one event, one delivery waiting
        #expect(try site.count("notification_event") == 1)
        #expect(try scene.deliveries().map(\.delivery.status) == [.pending])
        #expect(try scene.deliveries().first?.type == .cardIssued)
    }

    @Test func eMailGoesThroughARealSMTPServerOnce() throws {
        // given: the site's mail server (aiosmtpd) and customer service's mailbox for filed requests
        let scene = try OutboxScene()
        let site = scene.site
        let smtp = try NotificationReceiver.smtp(in: scene.receivers)
        _ = try site.core.outbox.setMailSettings(
            MailSettings(smtpURL: "smtp://127.0.0.1:\(smtp.port)", from: "colopass@idc.example"), by: site.admin)
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "email", target: "kefu@idc.example", events: ["request.filed"]), clientId: nil,
            by: site.admin)
        // when: the client files a request and the worker runs twice
        let visit = try scene.fileVisit()
        #expect(try site.core.outbox.deliverDue().delivered == 1)
        #expect(try site.core.outbox.deliverDue().attempted == 0)
        // then: one message, in Chinese and English, identified by its delivery
        let mail = try smtp.waitFor(1)
        #expect(mail.count == 1)
        #expect(mail.first?["to"] as? [String] == ["kefu@idc.example"])
        #expect(mail.first?["from"] as? String == "colopass@idc.example")
        #expect((mail.first?["subject"] as? String)?.contains("临时进入申请 \(visit.request.id)：新申请") == true)
        #expect((mail.first?["body"] as? String)?.contains("visitors: 2") == true)
        let key = try #require(try scene.deliveries().first?.delivery.idempotencyKey)
        #expect((mail.first?["message_id"] as? String)?.contains(key) == true)
        #expect(try scene.deliveries().first?.delivery.status == .delivered)
    }

    @Test func webhooksAreSignedOverTimestampAndBody() throws {
        // given: a webhook receiver that checks Colopass-Signature with the subscription's secret
        let scene = try OutboxScene()
        let site = scene.site
        let person = try site.person(of: scene.client.id)
        let made = try site.core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: "http://127.0.0.1:1/later", events: ["card.issued", "card.cancelled"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        let secret = try #require(made.secret)
        let receiver = try NotificationReceiver.webhook(secret: secret, in: scene.receivers)
        try site.core.store.pool.write { db in
            try db.execute(sql: "UPDATE notification_subscription SET target = ? WHERE id = ?",
                           arguments: [scene.webhook(receiver), made.subscription.id])
        }
        // when: a card is issued and its holder leaves (C5)
        let card = try site.core.cards.issueCard(personId: person.id, by: site.service)
        _ = try site.core.registry.departPerson(person.id, by: scene.clientAdmin)
        #expect(try site.core.outbox.deliverDue().delivered == 2)
        // then: both arrive, verified by the receiver, with the card and the clause
        let requests = try receiver.waitFor(2)
        #expect(requests.map { $0["verified"] as? Bool } == [true, true])
        #expect(Set(requests.compactMap { $0["event"] as? String }) == ["card.issued", "card.cancelled"])
        let cancelled = try #require(requests.first { $0["event"] as? String == "card.cancelled" }?["body"] as? [String: Any])
        let data = try #require(cancelled["data"] as? [String: String])
        #expect(data["card"] == card.number && data["clause"] == "C5")
        #expect(cancelled["client_id"] as? Int == Int(scene.client.id))
    }

    @Test func aWrongSecretIsRefusedByTheReceiver() throws {
        let scene = try OutboxScene()
        let site = scene.site
        let receiver = try NotificationReceiver.webhook(secret: "whsec_not-the-one", in: scene.receivers)
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: scene.webhook(receiver), events: ["card.issued"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        _ = try site.core.cards.issueCard(personId: try site.person(of: scene.client.id).id, by: site.service)
        #expect(try site.core.outbox.deliverDue().retrying == 1)
        #expect(try receiver.waitFor(1).first?["verified"] as? Bool == false)
        #expect(try scene.deliveries().first?.delivery.lastError == "HTTP 401")
    }

    @Test func aReceiverThatFailsThreeTimesGetsTheEventOnceAfterItRecovers() throws {
        // given: a receiver that answers 503 three times
        let scene = try OutboxScene()
        let site = scene.site
        let made = try site.core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: "http://127.0.0.1:1/later", events: ["card.issued"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        let receiver = try NotificationReceiver.webhook(secret: try #require(made.secret), failing: 3, in: scene.receivers)
        try site.core.store.pool.write { db in
            try db.execute(sql: "UPDATE notification_subscription SET target = ? WHERE id = ?",
                           arguments: [scene.webhook(receiver), made.subscription.id])
        }
        _ = try site.core.cards.issueCard(personId: try site.person(of: scene.client.id).id, by: site.service)
        // when: the worker tries, and tries again only once each backoff (30 s, 60 s, 120 s) is over
        let first = site.core.policy.parameters.notificationRetrySeconds
        #expect(try site.core.outbox.deliverDue().retrying == 1)
        for (attempt, wait) in [(2, first), (3, first * 2), (4, first * 4)] {
            site.advance(hours: Double(wait - 1) / 3600)
            #expect(try site.core.outbox.deliverDue().attempted == 0, "attempt \(attempt) before its time")
            site.advance(hours: 1.0 / 3600)
            let round = try site.core.outbox.deliverDue()
            #expect(round.attempted == 1)
        }
        for _ in 0..<3 {
            site.advance(hours: 2)
            #expect(try site.core.outbox.deliverDue().attempted == 0)
        }
        // then: four requests, one accepted, all under the same key; the admin sees it delivered
        let requests = try receiver.waitFor(4)
        #expect(requests.map { $0["status"] as? Int } == [503, 503, 503, 200])
        #expect(Set(requests.compactMap { $0["idempotency_key"] as? String }).count == 1)
        let delivery = try #require(try scene.deliveries().first?.delivery)
        #expect(delivery.status == .delivered && delivery.attempts == 4)
        #expect(try site.auditTrail().filter { $0.action == "notify.retry" }.count == 3)
    }

    @Test func aDeliveryThatNeverGetsThroughIsShownAsFailed() throws {
        var policy = try TestSite.shippedPolicy()
        policy.parameters.notificationMaxAttempts = 2
        let scene = try OutboxScene(try TestSite(policy: policy))
        let site = scene.site
        let receiver = try NotificationReceiver.webhook(secret: "x", failing: 5, in: scene.receivers)
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: scene.webhook(receiver), events: ["card.issued"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        _ = try site.core.cards.issueCard(personId: try site.person(of: scene.client.id).id, by: site.service)
        _ = try site.core.outbox.deliverDue()
        site.advance(hours: 1)
        #expect(try site.core.outbox.deliverDue().failed == 1)
        site.advance(hours: 5)
        #expect(try site.core.outbox.deliverDue().attempted == 0)
        let failed = try site.core.outbox.deliveries(clientId: nil, status: .failed, by: site.admin)
        #expect(failed.count == 1 && failed.first?.delivery.lastError == "HTTP 503")
        #expect(try site.core.outbox.deliveries(clientId: scene.client.id, by: scene.clientAdmin).count == 1)
    }

    @Test func eachClientChoosesItsEventsAndHearsOnlyOfItsOwn_R3() throws {
        // given: client A follows decisions only; client B follows everything
        let scene = try OutboxScene()
        let site = scene.site
        let other = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let otherAdmin = try site.account("sq-admin", .clientUser, client: other.client.id)
        _ = try site.core.accounts.setClientAdmin("sq-admin", granted: true, by: site.admin)
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "email", target: "ops@yunzhan.example", events: ["request.approved", "request.refused"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "email", target: "ops@shuqiao.example", events: NotificationTopic.allCases.filter { !$0.isSiteOnly }.map(\.rawValue)),
            clientId: other.client.id, by: otherAdmin)
        // when: A files a request and the desk refuses it with a reason
        let visit = try scene.fileVisit()
        _ = try site.core.passes.rejectVisitRequest(visit.request.id, reason: "信件无公章", by: site.service)
        // then: A's subscription has the refusal only, with the reason; B's has nothing
        let deliveries = try scene.deliveries()
        #expect(deliveries.map(\.target) == ["ops@yunzhan.example"])
        #expect(deliveries.first?.type == .requestRefused)
        let event = try site.core.store.pool.read { db in try NotificationEvent.fetchOne(db, key: deliveries.first!.delivery.eventId) }
        #expect(event?.payload.contains("信件无公章") == true)
        // and one client cannot subscribe for another, nor see its deliveries
        #expect(refusal(coreError {
            try site.core.outbox.subscribe(
                NewSubscription(channel: "email", target: "x@y.example", events: ["card.issued"]), clientId: scene.client.id,
                by: otherAdmin)
        })?.clause.code == "R3.client")
        #expect(refusal(coreError { try site.core.outbox.deliveries(clientId: scene.client.id, by: otherAdmin) })?.clause.code == "R3.client")
    }

    @Test func onlyTheClientsAdministratorSubscribes() throws {
        let scene = try OutboxScene()
        let plain = try scene.site.account("yz-user", .clientUser, client: scene.client.id)
        #expect(refusal(coreError {
            try scene.site.core.outbox.subscribe(
                NewSubscription(channel: "email", target: "x@y.example", events: ["card.issued"]),
                clientId: scene.client.id, by: plain)
        })?.clause.code == "R1.role")
        #expect(invalidField(coreError {
            try scene.site.core.outbox.subscribe(
                NewSubscription(channel: "webhook", target: "ftp://x", events: ["card.issued"]), clientId: scene.client.id,
                by: scene.clientAdmin)
        }) == "target")
        #expect(invalidField(coreError {
            try scene.site.core.outbox.subscribe(
                NewSubscription(channel: "email", target: "x@y.example", events: ["card.stolen"]), clientId: scene.client.id,
                by: scene.clientAdmin)
        }) == "events")
    }

    @Test func aCardNearingItsEndIsAnnouncedOnce() throws {
        // given: a card valid to the contract's end, 2026-12-31, and the client following expiries
        let scene = try OutboxScene()
        let site = scene.site
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "email", target: "ops@yunzhan.example", events: ["card.expiring"]),
            clientId: scene.client.id, by: scene.clientAdmin)
        let card = try site.core.cards.issueCard(personId: try site.person(of: scene.client.id).id, by: site.service)
        // when: the job runs before the notice period, then within it, twice
        #expect(try site.core.outbox.noteExpiringCards() == 0)
        site.now = card.validUntil.addingTimeInterval(-29 * 86_400)
        #expect(try site.core.outbox.noteExpiringCards() == 1)
        #expect(try site.core.outbox.noteExpiringCards() == 0)
        // then: one announcement
        #expect(try scene.deliveries().map(\.type) == [.cardExpiring])
    }
}
