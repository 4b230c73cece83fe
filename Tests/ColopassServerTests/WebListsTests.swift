import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Lists with search, filters, paging and sorting by their column headers: the header links keep
/// the filter, the work orders and removals filter by state and search by number or serial.
@Suite("Web: lists searched, filtered and sorted by their headers")
struct WebListsTests {
    @Test func aColumnHeaderSortsTheListAndKeepsItsFilter() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let cards = try await client.call(.get, "/web/cards?state=active", token: site.tokens["kefu"])
            #expect(cards.text.contains("href=\"/web/cards?state=active&amp;sort=holder&amp;page=1\""), "\(cards.text)")
            let byHolder = try await client.call(.get, "/web/cards?state=active&sort=holder", token: site.tokens["kefu"])
            let li = try #require(byHolder.text.range(of: "李娜"))
            let chen = try #require(byHolder.text.range(of: "陈静"))
            // 李 (li) before 陈 (chen) in SQLite's byte order of the names
            #expect((li.lowerBound < chen.lowerBound) == ("李娜" < "陈静"))
            let clients = try await client.call(.get, "/web/clients", token: site.tokens["kefu"])
            #expect(clients.text.contains("href=\"/web/clients?sort=name&amp;page=1\""))
        }
    }

    @Test func workOrdersAndRemovalsFilterByStateAndSearch() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let equipment = try site.equipment(f)
        try await site.app().test(.router) { client in
            let drafts = try await client.call(.get, "/web/work-orders?state=draft", token: site.tokens["kefu"])
            #expect(drafts.text.contains(equipment.draft) && !drafts.text.contains(">\(equipment.issued)<"))
            #expect(drafts.text.contains("id=\"pager\"") && drafts.text.contains("sort=planned"))
            let orderBySerial = try await client.call(.get, "/web/work-orders?q=SN-D1", token: site.tokens["kefu"])
            #expect(orderBySerial.text.contains(equipment.draft) && !orderBySerial.text.contains(">\(equipment.issued)<"))
            let bySerial = try await client.call(.get, "/web/removals?q=SN-A1", token: site.tokens["kefu"])
            #expect(bySerial.text.contains(equipment.removal))
            let none = try await client.call(.get, "/web/removals?q=SN-NOWHERE", token: site.tokens["kefu"])
            #expect(!none.text.contains(equipment.removal))
            let approved = try await client.call(.get, "/web/removals?state=approved", token: site.tokens["kefu"])
            #expect(!approved.text.contains(equipment.removal), "the fixture's removal is only filed")
        }
    }

    @Test func emergenciesFilterByReviewAndSearchByStaff() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        try await site.app().test(.router) { client in
            let awaiting = try await client.call(.get, "/web/emergencies?state=awaiting_review", token: site.tokens["boss2"])
            #expect(awaiting.text.contains("服务器宕机") && awaiting.text.contains("id=\"pager\""))
            #expect(awaiting.text.contains("href=\"/web/emergencies?state=awaiting_review&amp;sort=window&amp;page=1\""))
            let byStaff = try await client.call(.get, "/web/emergencies?q=钱七", token: site.tokens["boss2"])
            #expect(byStaff.text.contains("服务器宕机"))
            _ = try site.core.passes.reviewEmergency(f.emergencyA, note: "核实", by: site.actor("boss2"))
            let stillAwaiting = try await client.call(.get, "/web/emergencies?state=awaiting_review", token: site.tokens["boss2"])
            #expect(!stillAwaiting.text.contains("服务器宕机"))
            let reviewed = try await client.call(.get, "/web/emergencies?state=reviewed", token: site.tokens["boss2"])
            #expect(reviewed.text.contains("服务器宕机"))
        }
    }

    @Test func accountsSearchFilterAndSortByRole() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let supervisors = try await client.call(.get, "/web/accounts?q=主管", token: site.tokens["admin"])
            #expect(supervisors.text.contains(">boss<") && supervisors.text.contains(">boss2<") && !supervisors.text.contains(">kefu<"))
            let ofClientA = try await client.call(.get, "/web/accounts?client=\(try #require(site.actor("ua").clientId))", token: site.tokens["admin"])
            #expect(ofClientA.text.contains(">ua<") && !ofClientA.text.contains(">ub<") && !ofClientA.text.contains(">admin<"))
            _ = try site.core.accounts.disableAccount("kefu2", by: site.actor("admin"))
            let disabled = try await client.call(.get, "/web/accounts?state=disabled", token: site.tokens["admin"])
            #expect(disabled.text.contains(">kefu2<") && !disabled.text.contains(">kefu<"))
            let byRole = try await client.call(.get, "/web/accounts?sort=role", token: site.tokens["admin"])
            let admin = try #require(byRole.text.range(of: ">admin<")), guardRow = try #require(byRole.text.range(of: ">gate1<"))
            #expect(admin.lowerBound < guardRow.lowerBound, "admin before guard by role")
        }
    }

    @Test func theGuardsMenuLeadsWithTheDoorsWork() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let inside = try await client.call(.get, "/web/inside", token: site.tokens["gate1"])
            let start = try #require(inside.text.range(of: "<nav>")), end = try #require(inside.text.range(of: "</nav>"))
            let menu = String(inside.text[start.upperBound..<end.lowerBound])
            #expect(menu.contains("/web/inside") && menu.contains("/web/gate-alerts") && menu.contains("/web/cards"))
            #expect(!menu.contains("/web/clients") && !menu.contains("/web/addresses") && !menu.contains("/web/work-orders"))
            #expect(menu.range(of: "/web/inside")!.lowerBound < menu.range(of: "/web/cards")!.lowerBound)
        }
    }
}
