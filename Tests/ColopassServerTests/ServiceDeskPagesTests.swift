import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The desk's pages act through the core: a ticket offers only what its reader may do now; a
/// refusal comes back as a page naming its clause and changes nothing; the report and the duty
/// roster are on pages (K1–K9).
@Suite("Web: the service desk's pages and their actions")
struct ServiceDeskPagesTests {
    @Test func aTicketOffersItsOwnerTheActionsAndOthersOnlyTheLogK1() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let complaint = try site.complaintA(f)
        try await site.app().test(.router) { client in
            let owner = try await client.call(.get, "/web/tickets/\(complaint)", token: site.tokens["kefu"])
            for form in ["id=\"reply\"", "id=\"transfer\"", "id=\"resolve\"", "id=\"log\""] {
                #expect(owner.text.contains(form), "the owner is offered \(form)")
            }
            #expect(owner.text.contains("投诉须提出解决方案"))
            let colleague = try await client.call(.get, "/web/tickets/\(complaint)", token: site.tokens["kefu2"])
            #expect(colleague.text.contains("id=\"log\"") && !colleague.text.contains("id=\"reply\""))
            let theClient = try await client.call(.get, "/web/tickets/\(complaint)", token: site.tokens["ua"])
            #expect(theClient.status == 200 && !theClient.text.contains("id=\"reply\"") && !theClient.text.contains("id=\"transfer\""))
        }
    }

    @Test func aHandOverWithoutAReasonIsRefusedOnThePageK1Reason() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let complaint = try site.complaintA(f)
        try await site.app().test(.router) { client in
            let before = try site.counts()
            let refused = try await client.call(
                .post, "/web/tickets/\(complaint)/transfer", token: site.tokens["kefu"], form: ["to": "kefu2", "reason": " "])
            #expect(refused.status == 409 && refused.text.contains("K1.reason") && refused.text.contains("须说明理由"))
            #expect(refused.text.contains("<nav>"), "the error page keeps the menu")
            #expect(try site.counts() == before)
            let handed = try await client.call(
                .post, "/web/tickets/\(complaint)/transfer", token: site.tokens["kefu"], form: ["to": "kefu2", "reason": "换班"])
            #expect(handed.status == 303)
            #expect(try site.core.serviceDesk.ticket(complaint, by: site.actor("kefu")).ticket.owner == "kefu2")
        }
    }

    @Test func aComplaintAnsweredOnThePageWithoutASolutionIsRefusedK2Solution() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let complaint = try site.complaintA(f)
        try await site.app().test(.router) { client in
            let refused = try await client.call(
                .post, "/web/tickets/\(complaint)/reply", token: site.tokens["kefu"], form: ["text": "收到"])
            #expect(refused.status == 409 && refused.text.contains("K2.solution"))
            let answered = try await client.call(
                .post, "/web/tickets/\(complaint)/reply", token: site.tokens["kefu"], form: ["text": "已安排", "solution": "加装空调"])
            #expect(answered.status == 303)
            #expect(try site.core.serviceDesk.ticket(complaint, by: site.actor("kefu")).ticket.state == .answered)
        }
    }

    @Test func aFaultTakenAtTheDeskWithoutItsPlaceIsRefusedK3Details() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        try await site.app().test(.router) { client in
            let before = try site.counts()
            let refused = try await client.call(
                .post, "/web/desk/tickets", token: site.tokens["kefu"],
                form: ["client_id": f.clientA, "kind": "fault", "channel": "phone", "subject": "断电", "words": "断电了",
                       "fault_at": "2026-06-16 09:00", "fault_symptom": "PDU 断电", "fault_plan": "切换"])
            #expect(refused.status == 409 && refused.text.contains("K3.details"))
            #expect(try site.counts() == before)
            let taken = try await client.call(
                .post, "/web/desk/tickets", token: site.tokens["kefu"],
                form: ["client_id": f.clientA, "kind": "fault", "channel": "phone", "subject": "断电", "words": "断电了",
                       "fault_at": "2026-06-16 09:00", "fault_place": "A01", "fault_symptom": "PDU 断电", "fault_plan": "切换",
                       "acted_first": "1"])
            #expect(taken.status == 303)
            let id = try #require(Int64(taken.headers["location"]?.split(separator: "/").last?.split(separator: "?").first ?? ""))
            let view = try site.core.serviceDesk.ticket(id, by: site.actor("kefu"))
            #expect(view.ticket.channel == .phone && view.ticket.contactFormDue != nil && view.ticket.owner == "kefu")
            let page = try await client.call(.get, "/web/tickets/\(id)", token: site.tokens["kefu"])
            #expect(page.text.contains("id=\"contact-form\"") && page.text.contains("id=\"write-analysis\""))
        }
    }

    @Test func theMonthsReportIsOnAPageWithItsPrintAndCSVK9() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let fault = try site.faultA(f)
        let month = String(site.core.serviceDesk.today.description.prefix(7))
        try await site.app().test(.router) { client in
            let page = try await client.call(.get, "/web/reports/service?month=\(month)", token: site.tokens["boss"])
            #expect(page.status == 200 && page.text.contains("服务监督报告"))
            #expect(page.text.contains("/web/tickets/\(fault)") && page.text.contains("故障未结"))
            #expect(page.text.contains("format=csv") && page.text.contains("format=html"))
            let bad = try await client.call(.get, "/web/reports/service?month=2026-13", token: site.tokens["boss"])
            #expect(bad.status == 400 && bad.text.contains("YYYY-MM"))
            let guardPage = try await client.call(.get, "/web/reports/service", token: site.tokens["gate1"])
            #expect(guardPage.status == 403)
        }
    }

    @Test func theSupervisorSetsHolidayDutyOnThePageAndNotOnAWorkingDayK8() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let set = try await client.call(.post, "/web/duty/2027-10-01", token: site.tokens["boss"], form: ["staff": "kefu，kefu2"])
            #expect(set.status == 303)
            let roster = try await client.call(.get, "/web/duty", token: site.tokens["kefu"])
            #expect(roster.text.contains("2027-10-01") && roster.text.contains("国庆节"))
            let workingDay = try await client.call(.post, "/web/duty/2027-10-08", token: site.tokens["boss"], form: ["staff": "kefu"])
            #expect(workingDay.status == 409 && workingDay.text.contains("K8.day"))
            let clerk = try await client.call(.post, "/web/duty/2027-10-02", token: site.tokens["kefu"], form: ["staff": "kefu"])
            #expect(clerk.status == 403)
            let shifts = try site.core.serviceDesk.duty(from: Day("2027-10-01")!, through: Day("2027-10-08")!, by: site.actor("kefu"))
            #expect(shifts.map(\.account) == ["kefu", "kefu2"])
        }
    }

    @Test func aFollowUpCallRecordedAtTheDeskWhenNoneIsDueIsRefusedK5() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        try await site.app().test(.router) { client in
            let reply = try await client.call(.post, "/web/desk/follow-ups/\(f.clientB)", token: site.tokens["kefu"], form: ["note": "满意"])
            // client B's first call is a month after its contract started; when none is due, K5 says so
            if reply.status == 409 {
                #expect(reply.text.contains("K5.none"))
            } else {
                #expect(reply.status == 303)
                let again = try await client.call(.post, "/web/desk/follow-ups/\(f.clientB)", token: site.tokens["kefu"], form: ["note": "满意"])
                #expect(again.status == 409 && again.text.contains("K5.none"))
            }
        }
    }
}
