import Foundation
import Testing

@testable import ColopassCore

@Suite("First responder, hand-over, account manager, client isolation (K1, K6, R3)")
struct FirstResponderTests {
    @Test func whoeverReceivesTheRequestOwnsItAndTheClientsWordsAreLoggedK1() throws {
        // given
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let opened = try site.core.serviceDesk.open(
            NewTicket(clientId: client.id, kind: .request, channel: .phone, subject: "申请增加一个 IP", words: "我们想给 R750 再加一个地址"),
            by: site.service)
        // when: the client calls again and a colleague takes the call
        let colleague = try site.account("kefu2", .customerService)
        let logged = try site.core.serviceDesk.log(opened.ticket.id, words: "补充：需要在周五前", by: colleague)
        // then
        #expect(logged.ticket.owner == "cs")
        #expect(logged.events.filter { $0.kind == .logged }.map(\.text) == ["我们想给 R750 再加一个地址", "补充：需要在周五前"])
        #expect(try site.auditTrail().first { $0.action == "ticket.open" }?.clause == "K1")
    }

    @Test func aMatterThatCanBeClosedAtOnceIsClosedAtOnceK1() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let view = try site.core.serviceDesk.open(
            NewTicket(
                clientId: client.id, kind: .request, channel: .walkIn, subject: "查询机柜编号", words: "我们的机柜是哪个？",
                resolution: "A01，已告知"), by: site.service)
        #expect(view.ticket.state == .resolved && view.ticket.closedAtOnce)
        #expect(view.ticket.resolvedAt == site.now && view.ticket.owner == "cs")
        #expect(view.events.map(\.kind) == [.opened, .logged, .resolved])
    }

    @Test func handOverWithoutAReasonIsRefusedK1Reason() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        _ = try site.account("kefu2", .customerService)
        let opened = try site.complaint(client.id)
        for reason in [nil, "", "   "] {
            #expect(
                site.refusalClause {
                    _ = try site.core.serviceDesk.transfer(opened.ticket.id, to: "kefu2", reason: reason, by: site.service)
                } == "K1.reason")
        }
        #expect(try site.core.serviceDesk.ticket(opened.ticket.id, by: site.service).ticket.owner == "cs")
        #expect(try site.lastAudit().outcome == .refused)
    }

    @Test func handOverWithoutATargetWhoCanTakeItIsRefusedK1Target() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        _ = site.guardOnDuty
        let opened = try site.complaint(client.id)
        for target in [nil, "", "nobody", "gate1", "cs"] {
            #expect(
                site.refusalClause {
                    _ = try site.core.serviceDesk.transfer(opened.ticket.id, to: target, reason: "下班", by: site.service)
                } == "K1.target", "target \(target ?? "nil")")
        }
    }

    @Test func handOverWithReasonAndTargetMovesOwnershipAndOnlyTheOwnerActsK1() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let colleague = try site.account("kefu2", .customerService)
        let opened = try site.complaint(client.id)
        let moved = try site.core.serviceDesk.transfer(opened.ticket.id, to: "kefu2", reason: "需要网络组处理", by: site.service)
        #expect(moved.ticket.owner == "kefu2")
        let handOver = try #require(moved.events.last)
        #expect(handOver.kind == .transferred && handOver.text == "需要网络组处理" && handOver.target == "kefu2")
        #expect(
            site.refusalClause {
                _ = try site.core.serviceDesk.resolve(opened.ticket.id, resolution: "已解决", by: site.service)
            } == "K1.owner")
        _ = try site.core.serviceDesk.resolve(opened.ticket.id, resolution: "已解决", by: colleague)
    }

    @Test func aPortalTicketGoesToTheClientsAccountManagerK6() throws {
        let site = try TestSite(now: TestSite.deskMorning)
        let (client, _) = try site.company()
        let manager = try site.account("kefu2", .customerService)
        let user = try site.account("ua", .clientUser, client: client.id)
        _ = try site.core.serviceDesk.assignAccountManager(clientId: client.id, account: manager.name, by: site.service)
        let view = try site.core.serviceDesk.open(
            NewTicket(clientId: client.id, kind: .request, channel: .phone, subject: "申请上架", words: "下周二上架两台"),
            by: user)
        #expect(view.ticket.owner == "kefu2" && view.ticket.channel == .portal)
        _ = site.guardOnDuty
        #expect(
            site.refusalClause {
                _ = try site.core.serviceDesk.assignAccountManager(clientId: client.id, account: "gate1", by: site.service)
            } == "K6.manager")
    }

    @Test func aClientUserCannotSeeAnotherClientsTicketsR3() throws {
        // given
        let site = try TestSite(now: TestSite.deskMorning)
        let (a, _) = try site.company()
        let (b, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let ua = try site.account("ua", .clientUser, client: a.id)
        let ub = try site.account("ub", .clientUser, client: b.id)
        let ticketA = try site.complaint(a.id)
        let ticketB = try site.complaint(b.id)
        // then
        #expect(site.refusalClause { _ = try site.core.serviceDesk.ticket(ticketA.ticket.id, by: ub) } == "R3.client")
        #expect(site.refusalClause { _ = try site.core.serviceDesk.log(ticketA.ticket.id, words: "看看", by: ub) } == "R3.client")
        #expect(try site.core.serviceDesk.tickets(TicketFilter(clientId: a.id), by: ub).map(\.ticket.id) == [ticketB.ticket.id])
        #expect(try site.core.serviceDesk.tickets(by: ua).map(\.ticket.id) == [ticketA.ticket.id])
        #expect(
            site.refusalClause {
                _ = try site.core.serviceDesk.open(
                    NewTicket(clientId: a.id, kind: .request, channel: .portal, subject: "x", words: "y"), by: ub)
            } == "R3.client")
        #expect(site.refusalClause { _ = try site.core.serviceDesk.reply(ticketB.ticket.id, text: "x", solution: "y", by: ub) } == "R1.role")
    }
}
