import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The client prints its own passes and exit slips from the portal, and its administrator adds
/// people with their documents (C1 review before they reach the door); another client gets
/// nothing of it (R3).
@Suite("Web portal: the client's own printouts and new people")
struct WebPortalPrintTests {
    @Test func theClientPrintsItsApprovedVisitsPassesAndNotAnotherClients() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        _ = try site.core.passes.approveVisitRequest(f.visitA, by: site.actor("kefu"))
        try await site.app().test(.router) { client in
            let portal = try await client.call(.get, "/web/portal", token: site.tokens["ua"])
            #expect(portal.text.contains("href=\"/web/visits/\(f.visitA)/passes\""))
            let passes = try await client.call(.get, "/web/visits/\(f.visitA)/passes", token: site.tokens["ua"])
            #expect(passes.status == 200 && passes.text.contains("<svg") && passes.text.contains("保安签字"))
            let other = try await client.call(.get, "/web/visits/\(f.visitA)/passes", token: site.tokens["ub"])
            #expect(other.status == 403 || other.status == 404)
        }
    }

    @Test func theClientPrintsItsOwnValidExitSlipQ4() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let slip = try RouteSamples.approvedRemoval(site, f).1
        try await site.app().test(.router) { client in
            let portal = try await client.call(.get, "/web/portal", token: site.tokens["ua"])
            #expect(portal.text.contains("href=\"/web/portal/exit-slips/\(slip.number)\""))
            let page = try await client.call(.get, "/web/portal/exit-slips/\(slip.number)", token: site.tokens["ua"])
            #expect(page.status == 200 && page.text.contains("<svg") && page.text.contains("客户签字") && page.text.contains("size:105mm 148mm"))
            let other = try await client.call(.get, "/web/portal/exit-slips/\(slip.number)", token: site.tokens["ub"])
            #expect(other.status == 403 || other.status == 404)
        }
    }

    @Test func onlyTheClientsAdministratorAddsAPersonR1Role() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        _ = try site.enrol("ua-plain", .clientUser, client: f.clientA)
        try await site.app().test(.router) { client in
            let roster = try await client.call(.get, "/web/portal/roster", token: site.tokens["ua"])
            #expect(roster.text.contains("href=\"/web/clients/\(f.clientA)/people/new\""))
            let plainRoster = try await client.call(.get, "/web/portal/roster", token: site.tokens["ua-plain"])
            #expect(!plainRoster.text.contains("id=\"add-person\""))
            let person: [String: Any] = [
                "name": "赵六", "id_number": "110108197910014561", "phone": "13800000009",
                "photo": ServerSite.fixture("photo.png"), "id_copy": ServerSite.fixture("id-copy.png"),
                "letter": ServerSite.fixture("letter.pdf"),
            ]
            let before = try site.counts()
            let refused = try await client.call(.post, "/web/clients/\(f.clientA)/people", token: site.tokens["ua-plain"], form: person)
            #expect(refused.status == 403 && refused.text.contains("R1.role"))
            #expect(try site.counts() == before)
            let added = try await client.call(.post, "/web/clients/\(f.clientA)/people", token: site.tokens["ua"], form: person)
            #expect(added.status == 303 && added.headers["location"] == "/web/portal/roster?done=person", "\(added.status) \(added.text)")
            let other = try await client.call(.post, "/web/clients/\(f.clientA)/people", token: site.tokens["ub"], form: person)
            #expect(other.status == 403)
        }
    }
}
