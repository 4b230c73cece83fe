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
            let bySerial = try await client.call(.get, "/web/removals?q=SN-A1", token: site.tokens["kefu"])
            #expect(bySerial.text.contains(equipment.removal))
            let none = try await client.call(.get, "/web/removals?q=SN-NOWHERE", token: site.tokens["kefu"])
            #expect(!none.text.contains(equipment.removal))
            let approved = try await client.call(.get, "/web/removals?state=approved", token: site.tokens["kefu"])
            #expect(!approved.text.contains(equipment.removal), "the fixture's removal is only filed")
        }
    }
}
