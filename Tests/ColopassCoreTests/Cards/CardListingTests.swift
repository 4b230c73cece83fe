import Foundation
import Testing

@testable import ColopassCore

/// The card list counts what matched; asked to stop counting early, it says "more than" instead
/// of reading every card of a large site for each page.
@Suite("Card list: counted in full or up to a bound")
struct CardListingTests {
    @Test func aBoundedCountStopsOneAboveTheBoundAndAnUnboundedOneCountsAll() throws {
        let site = try TestSite()
        // three cards: a company holds two at most (C1.limit), so two companies
        let (first, _) = try site.company()
        let (second, _) = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        for (client, name, id) in [
            (first.id, "李娜", "110105198503121234"), (first.id, "王强", "310115199007042347"),
            (second.id, "陈静", "440305199211203459"),
        ] {
            _ = try site.core.cards.issueCard(personId: try site.person(of: client, name: name, idNumber: id).id, by: site.service)
        }
        var query = CardQuery()
        #expect(try site.core.cards.cards(matching: query, by: site.service).total == 3)
        query.countUpTo = 1
        let bounded = try site.core.cards.cards(matching: query, by: site.service)
        #expect(bounded.total == 2, "one above the bound: there are more")
        #expect(bounded.rows.count == 3, "the page itself is not cut by the bound")
        query.countUpTo = 5
        #expect(try site.core.cards.cards(matching: query, by: site.service).total == 3)
    }
}
