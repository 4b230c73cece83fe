import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// The service desk tells people through the outbox: the client hears back on its own matters;
/// the staff K3 names for a fault and the supervisors K2/K4 escalate to are told through the
/// site's own subscriptions, never a client's.
@Suite("Service desk notifications: the client hears back, staff are told at once (K1–K4)")
struct ServiceDeskNoticeTests {
    /// The site's desk mailbox, and the client administrator's webhook, both following everything
    /// each may follow.
    func subscribed(_ scene: OutboxScene) throws {
        let site = scene.site
        _ = try site.core.outbox.subscribe(
            NewSubscription(
                channel: "email", target: "desk@idc.example",
                events: NotificationTopic.allCases.map(\.rawValue)), clientId: nil, by: site.admin)
        _ = try site.core.outbox.subscribe(
            NewSubscription(
                channel: "webhook", target: "http://127.0.0.1:9/hooks",
                events: NotificationTopic.allCases.filter { !$0.isSiteOnly }.map(\.rawValue)),
            clientId: scene.client.id, by: scene.clientAdmin)
    }

    func deliveries(_ scene: OutboxScene, _ topic: NotificationTopic) throws -> [DeliveryView] {
        try scene.deliveries().filter { $0.type == topic }
    }

    @Test func aFaultTellsTheAccountManagerAndTheDutySupervisorThroughTheSiteMailboxK3() throws {
        // given: a client with an account manager, a supervisor, the desk mailbox and the client's webhook
        let scene = try OutboxScene(TestSite(now: TestSite.deskMorning))
        let site = scene.site
        _ = site.supervisor
        let manager = try site.account("kefu2", .customerService)
        _ = try site.core.serviceDesk.assignAccountManager(clientId: scene.client.id, account: manager.name, by: site.service)
        try subscribed(scene)
        // when: a major fault is reported
        let fault = try site.fault(scene.client.id)
        // then: one message to the desk mailbox naming both, none to the client's webhook
        let told = try deliveries(scene, .faultReported)
        #expect(told.map(\.target) == ["desk@idc.example"])
        #expect(told.first?.subject.contains("致 kefu2, boss") == true)
        let payload = try #require(try site.core.store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM notification_event WHERE type = 'fault.reported'")
        })
        #expect(payload.contains("\"to\":\"kefu2,boss\"") && payload.contains("\"ticket\":\"\(fault.ticket.id)\""))
    }

    @Test func anEscalationIsToldOnceHoweverOftenTheClockRunsK2() throws {
        // given: a complaint left unanswered past its reply time
        let scene = try OutboxScene(TestSite(now: TestSite.deskMorning))
        let site = scene.site
        _ = site.supervisor
        try subscribed(scene)
        _ = try site.complaint(scene.client.id)
        site.advance(hours: 25)
        // when: the clock runs twice
        _ = try site.core.serviceDesk.runClock()
        _ = try site.core.serviceDesk.runClock()
        // then: the supervisors are told once, the client not at all
        let told = try deliveries(scene, .ticketEscalated)
        #expect(told.map(\.target) == ["desk@idc.example"])
        #expect(told.first?.subject.contains("答复逾期") == true)
        // and past resolution, once more
        site.advance(hours: 72)
        _ = try site.core.serviceDesk.runClock()
        _ = try site.core.serviceDesk.runClock()
        #expect(try deliveries(scene, .ticketEscalated).count == 2)
    }

    @Test func theClientHearsBackWhenItsMatterIsAnsweredResolvedAndReportedK1() throws {
        // given: a fault of the client, its webhook following the desk
        let scene = try OutboxScene(TestSite(now: TestSite.deskMorning))
        let site = scene.site
        try subscribed(scene)
        let id = try site.fault(scene.client.id).ticket.id
        // when: the desk answers, resolves it and delivers the analysis report
        _ = try site.core.serviceDesk.reply(id, text: "电工已到场，正在切换备用 PDU", by: site.service)
        _ = try site.core.serviceDesk.resolve(id, resolution: "已恢复供电", by: site.service)
        _ = try site.core.serviceDesk.writeAnalysis(
            id,
            NewFaultAnalysis(impact: "停电 40 分钟", handling: "切换备用 PDU", cause: "空开跳闸", corrective: "更换空开", preventive: "每季度检测"),
            by: site.service)
        _ = try site.core.serviceDesk.deliverAnalysis(id, to: "客户运维 李娜", by: site.service)
        // then: each reaches the client's webhook (and the desk mailbox)
        for topic in [NotificationTopic.ticketReplied, .ticketResolved, .faultAnalysisDelivered] {
            #expect(
                Set(try deliveries(scene, topic).map(\.target)) == ["http://127.0.0.1:9/hooks", "desk@idc.example"],
                "\(topic)")
        }
        let payload = try #require(try site.core.store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM notification_event WHERE type = 'ticket.replied'")
        })
        #expect(payload.contains("电工已到场"))
    }

    @Test func aClientCannotSubscribeToTheSitesOwnEvents() throws {
        let scene = try OutboxScene(TestSite(now: TestSite.deskMorning))
        let error = coreError {
            _ = try scene.site.core.outbox.subscribe(
                NewSubscription(channel: "email", target: "ops@yunzhan.example", events: ["ticket.replied", "fault.reported"]),
                clientId: scene.client.id, by: scene.clientAdmin)
        }
        guard case .invalidInput(let field, _)? = error else {
            Issue.record("expected a refusal of the events, got \(String(describing: error))")
            return
        }
        #expect(field == "events")
        #expect(try scene.site.count("notification_subscription") == 0)
    }

    @Test func anotherClientsWebhookHearsNothingOfThisClientsTickets() throws {
        let scene = try OutboxScene(TestSite(now: TestSite.deskMorning))
        let site = scene.site
        let (other, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let otherAdmin = try site.core.accounts.addAccount(name: "hc-admin", role: .clientUser, clientId: other.id, by: .system)
        _ = try site.core.accounts.setClientAdmin(otherAdmin.name, granted: true, by: site.admin)
        _ = try site.core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: "http://127.0.0.1:9/other", events: ["ticket.replied"]),
            clientId: other.id, by: Actor(account: otherAdmin))
        let id = try site.complaint(scene.client.id).ticket.id
        _ = try site.core.serviceDesk.reply(id, text: "已安排", solution: "加装空调", by: site.service)
        #expect(try site.count("notification_delivery") == 0)
    }
}
