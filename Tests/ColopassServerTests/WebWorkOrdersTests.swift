import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Work orders written on the pages (Q1): a draft on a contract in force, equipment on the
/// contract's racks, issued only the lead time or more before racking; the page offers the issue
/// only while the core would take it, and says when it became too late.
@Suite("Web: work orders written at the desk (Q1)")
struct WebWorkOrdersTests {
    func siteTime(_ site: ServerSite, hours: Double) -> String {
        SiteTime.format(site.now.addingTimeInterval(hours * 3600), in: site.core.policy.site.timeZone)
    }

    func created(_ reply: Reply) throws -> String {
        let location = try #require(reply.headers["location"])
        return String(location.dropFirst("/web/work-orders/".count).prefix { $0 != "?" })
    }

    @Test func theClerkWritesADraftAddsAServerAndIssuesItQ1() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let cs = site.tokens["kefu"]
            let list = try await client.call(.get, "/web/work-orders", token: cs)
            #expect(list.text.contains("id=\"create-work-order\"") && list.text.contains("HT-A"))
            let made = try await client.call(
                .post, "/web/work-orders", token: cs, form: ["contract": "HT-A", "planned_at": siteTime(site, hours: 72)])
            #expect(made.status == 303)
            let number = try created(made)
            var page = try await client.call(.get, "/web/work-orders/\(number)", token: cs)
            #expect(page.text.contains("id=\"add-item\"") && !page.text.contains("id=\"issue\""), "nothing to issue yet")
            // a rack not on the contract is refused with its clause, nothing added
            let wrongRack = try await client.call(
                .post, "/web/work-orders/\(number)/items", token: cs,
                form: ["kind": "server", "brand": "Dell", "model": "R760", "serial": "SN-W1", "rack": "Z99", "u_position": 10])
            #expect(wrongRack.status == 409 && wrongRack.text.contains("Q1.rack"))
            let added = try await client.call(
                .post, "/web/work-orders/\(number)/items", token: cs,
                form: ["kind": "server", "brand": "Dell", "model": "R760", "serial": "SN-W1", "rack": "A01", "u_position": 10])
            #expect(added.status == 303)
            page = try await client.call(.get, "/web/work-orders/\(number)", token: cs)
            #expect(page.text.contains("SN-W1") && page.text.contains("id=\"issue\""))
            let issued = try await client.call(.post, "/web/work-orders/\(number)/issue", token: cs, form: [:])
            #expect(issued.status == 303)
            let view = try site.core.equipment.workOrder(try WorkOrderNumber(number), by: site.actor("kefu"))
            #expect(view.order.status == .issued && view.lines.count == 1)
        }
    }

    @Test func anOrderForRackingInTenHoursIsNotOfferedTheIssueAndIsRefusedQ1LeadTime() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let cs = site.tokens["kefu"]
            let number = try created(
                try await client.call(.post, "/web/work-orders", token: cs, form: ["contract": "HT-A", "planned_at": siteTime(site, hours: 10)]))
            _ = try await client.call(
                .post, "/web/work-orders/\(number)/items", token: cs,
                form: ["kind": "switch", "brand": "H3C", "model": "S6850", "serial": "SW-1", "rack": "A01", "u_position": 42])
            let page = try await client.call(.get, "/web/work-orders/\(number)", token: cs)
            #expect(!page.text.contains("id=\"issue\"") && page.text.contains("id=\"issue-too-late\"") && page.text.contains("Q1.lead_time"))
            let refused = try await client.call(.post, "/web/work-orders/\(number)/issue", token: cs, form: [:])
            #expect(refused.status == 409 && refused.text.contains("Q1.lead_time"))
            #expect(try site.core.equipment.workOrder(try WorkOrderNumber(number), by: site.actor("kefu")).order.status == .draft)
        }
    }

    @Test func aClientWritesOnItsOwnContractOnlyR3() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let list = try await client.call(.get, "/web/work-orders", token: site.tokens["ub"])
            #expect(list.text.contains("HT-B") && !list.text.contains("HT-A"))
            let before = try site.counts()
            let other = try await client.call(
                .post, "/web/work-orders", token: site.tokens["ub"], form: ["contract": "HT-A", "planned_at": siteTime(site, hours: 72)])
            #expect(other.status == 403 && other.text.contains("R3.client"))
            #expect(try site.counts() == before)
        }
    }
}
