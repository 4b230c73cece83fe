import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// IPs and ports on a page (Q3, S3): one of each by default, one more only while the contract
/// allows it, no overlapping pool, and a client sees only its own servers.
@Suite("Web: IP and port pools and who holds what (Q3, S3)")
struct WebAddressesTests {
    @Test func oneMoreIPIsOfferedOnlyWhileTheContractAllowsItQ3() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let equipment = try site.equipment(f)
        try await site.app().test(.router) { client in
            let admin = site.tokens["admin"]
            var page = try await client.call(.get, "/web/addresses", token: admin)
            #expect(page.status == 200 && page.text.contains("10.20.0.0/24") && page.text.contains("SW-A01"))
            let more = "/web/inventory/\(equipment.item)/ip"
            #expect(page.text.contains("action=\"\(more)\""), "HT-A3 allows two IPs per server")
            #expect(try await client.call(.post, more, token: admin, form: [:]).status == 303)
            page = try await client.call(.get, "/web/addresses", token: admin)
            #expect(!page.text.contains("action=\"\(more)\""), "two held: no more offered")
            let refused = try await client.call(.post, more, token: admin, form: [:])
            #expect(refused.status == 409 && refused.text.contains("Q3"))
        }
    }

    @Test func anOverlappingPoolIsRefusedS3() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        _ = try site.equipment(f)
        try await site.app().test(.router) { client in
            let before = try site.counts()
            let overlap = try await client.call(.post, "/web/ip-pools", token: site.tokens["admin"], form: ["cidr": "10.20.0.128/25"])
            #expect(overlap.status == 409 && overlap.text.contains("S3"))
            #expect(try site.counts() == before)
        }
    }

    @Test func aClientSeesOnlyItsOwnServersAndNoPoolFormsR3() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let equipment = try site.equipment(f)
        try await site.app().test(.router) { client in
            let own = try await client.call(.get, "/web/addresses", token: site.tokens["ua"])
            #expect(own.text.contains(equipment.item) && !own.text.contains("id=\"add-ip-pool\""))
            let other = try await client.call(.get, "/web/addresses", token: site.tokens["ub"])
            #expect(other.status == 200 && !other.text.contains(equipment.item))
        }
    }
}
