import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The portal's client pages as a browser uses them: the roster offers what the core would
/// allow (a plain client user reports departures, only the administrator asks for cards and
/// grants), a refusal comes back as the page with its clause, and a visit names several people
/// and a host the administrator lets host.
@Suite("The portal's roster, requests and access log")
struct WebPortalClientSideTests {
    @Test func theRosterOffersWhatTheCoreAllows_C1_C5() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await WebConsoleTests().signIn(client, "ua")
            // the administrator: a card for 王强 (none yet), none for 李娜 (holds one), grants for both
            let roster = try await client.call(.get, "/web/portal/roster", headers: cookie)
            #expect(roster.status == 200 && roster.text.contains(fixture.cardA))
            #expect(roster.text.contains("/web/portal/people/\(fixture.personA2)/card-request"))
            #expect(!roster.text.contains("/web/portal/people/\(fixture.personA)/card-request"))
            #expect(roster.text.contains("/web/portal/people/\(fixture.personA)/grants"))
            #expect(!roster.text.contains("陈静"), "only the client's own people")
            // a grant saved, then read back from the core
            let granted = try await client.call(
                .post, "/web/portal/people/\(fixture.personA)/grants", form: ["csrf": csrf, "may_host": "yes"], headers: cookie)
            #expect(granted.status == 303)
            let person = try site.core.registry.person(fixture.personA, by: site.actor("kefu")).person
            #expect(person.mayHost && !person.mayMove)
            // a departure cancels 李娜's card at once (C5); a grant for someone gone is refused as a page
            #expect(try await client.call(.post, "/web/portal/people/\(fixture.personA)/depart", form: ["csrf": csrf], headers: cookie).status == 303)
            #expect(try site.core.cards.cards(by: site.actor("kefu")).first { $0.card.number == fixture.cardA }?.card.status == .cancelled)
            let late = try await client.call(
                .post, "/web/portal/people/\(fixture.personA)/grants", form: ["csrf": csrf, "may_move": "yes"], headers: cookie)
            #expect(late.status == 409 && late.text.contains("[C5.departed]") && late.text.contains("id=\"roster\""))
            // a plain client user: departures yes, card requests and grants no
            _ = try site.core.accounts.setClientAdmin("ua", granted: false, by: .system)
            let plain = try await client.call(.get, "/web/portal/roster", headers: cookie)
            #expect(plain.text.contains("id=\"not-admin\""))
            #expect(!plain.text.contains("/card-request") && !plain.text.contains("/grants"))
            #expect(plain.text.contains("/web/portal/people/\(fixture.personA2)/depart"))
        }
    }

    @Test func aVisitForSeveralPeopleNeedsAHostWhoMayHost_C7Host() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let zone = site.core.policy.site.timeZone
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await WebConsoleTests().signIn(client, "ua")
            let form: [String: Any] = [
                "csrf": csrf, "client_id": fixture.clientA, "reason": "扩容",
                "window_start": EntryWindow.timestamp(site.now.addingTimeInterval(8 * 3600), in: zone).replacingOccurrences(of: " ", with: "T"),
                "window_end": EntryWindow.timestamp(site.now.addingTimeInterval(10 * 3600), in: zone),
                "host_person_id": fixture.personA, "visitor_name_1": "孙八", "visitor_id_1": "110108197910014561",
                "visitor_name_3": "John Smith", "visitor_id_type_3": "passport", "visitor_id_3": "E12345678",
                "letter": ServerSite.fixture("letter.pdf"),
            ]
            // 李娜 is not granted may-host: the form comes back with the clause and what was typed
            let refused = try await client.call(.post, "/web/portal/visit", form: form, headers: cookie)
            #expect(refused.status == 409 && refused.text.contains("[C7.host]"), "\(refused.text)")
            #expect(refused.text.contains("value=\"John Smith\""))
            // the administrator grants it; the same form files, both people on it
            _ = try site.core.registry.setGrants(personId: fixture.personA, PersonGrants(mayHost: true), by: site.actor("ua"))
            let filed = try await client.call(.post, "/web/portal/visit", form: form, headers: cookie)
            #expect(filed.status == 303, "\(filed.text)")
            let request = try #require(try site.core.passes.visitRequests(by: site.actor("ua")).first)
            #expect(request.request.hostPersonId == fixture.personA)
            #expect(request.visitors.map(\.name) == ["孙八", "John Smith"] && request.visitors[1].idType == .passport)
            // the form offers the hosts the administrator lets host
            let page = try await client.call(.get, "/web/portal/visit", headers: cookie)
            #expect(page.text.contains("<option value=\"\(fixture.personA)\">李娜"))
            #expect(!page.text.contains("<option value=\"\(fixture.personA2)\">王强"))
        }
    }

    @Test func theAccessLogIsTheClientsOwn_R3() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, _) = try await WebConsoleTests().signIn(client, "ua")
            let page = try await client.call(.get, "/web/portal/access-log?person=\(fixture.personA)&from=2026-06-01", headers: cookie)
            #expect(page.status == 200)
            #expect(page.text.contains("href=\"/api/clients/\(fixture.clientA)/access-log.csv?from=2026-06-01&amp;to="))
            #expect(page.text.contains("person=\(fixture.personA)\""))
            #expect(!page.text.contains("陈静"))
            // another client's person is nobody here: an empty log, not theirs
            let theirs = try await client.call(.get, "/web/portal/access-log?client=\(fixture.clientB)", headers: cookie)
            #expect(theirs.status == 200 && !theirs.text.contains("陈静"))
            let bad = try await client.call(.get, "/web/portal/access-log?from=yesterday", headers: cookie)
            #expect(bad.status == 400)
        }
    }
}
