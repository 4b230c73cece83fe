import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The console and the portal as a browser uses them: the session cookie, CSRF fields on forms,
/// the zh/en toggle, escaping, and errors as pages.
@Suite("Web console and client portal")
struct WebConsoleTests {
    /// Signs in through the form; returns the cookie header and the page's CSRF token.
    func signIn(_ client: some TestClientProtocol, _ name: String) async throws -> (cookie: [String: String], csrf: String) {
        let reply = try await client.call(.post, "/web/signin", form: ["name": name, "password": ServerSite.password])
        #expect(reply.status == 303)
        let setCookie = try #require(reply.headers["set-cookie"])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
        let value = try #require(setCookie.split(separator: ";").first.map(String.init))
        let cookie = ["Cookie": value]
        // a client user lands on the portal, a guard on who is inside
        let landing = name.hasPrefix("u") ? "/web/portal" : name.hasPrefix("gate") ? "/web/inside" : "/web/"
        let home = try await client.call(.get, landing, headers: cookie)
        let csrf = try #require(home.text.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression))
        return (cookie, String(home.text[csrf].dropFirst(19).prefix(64)))
    }

    @Test func customerServiceSignsInIssuesACardAndOpensItsBadge() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await signIn(client, "kefu")
            let clientPage = try await client.call(.get, "/web/clients/\(fixture.clientA)", headers: cookie)
            #expect(clientPage.status == 200 && clientPage.text.contains("办理出入证"))
            #expect(!clientPage.text.contains("110105198503121234"), "ID numbers are masked")
            // a form without the CSRF field is refused, as a page, and changes nothing
            let before = try site.counts()
            let forged = try await client.call(.post, "/web/cards", form: ["person_id": fixture.personA2], headers: cookie)
            #expect(forged.status == 403 && forged.text.contains("R1.csrf") && forged.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(try site.counts() == before)
            // with it, the card is issued and its page shown
            let issued = try await client.call(
                .post, "/web/cards", form: ["person_id": fixture.personA2, "csrf": csrf], headers: cookie)
            #expect(issued.status == 303)
            let location = try #require(issued.headers["location"])
            let card = try await client.call(.get, location, headers: cookie)
            #expect(card.text.contains("id=\"done\"") && card.text.contains("/badge"))
            let badge = try await client.call(.get, location.components(separatedBy: "?")[0] + "/badge", headers: cookie)
            #expect(badge.status == 200 && badge.text.contains("<svg") && badge.text.contains("window.print()"))
            // a refusal is a page naming the clause
            let third = try await client.call(
                .post, "/web/cards", form: ["person_id": fixture.personA, "csrf": csrf], headers: cookie)
            #expect(third.status == 409 && third.text.contains("C1.limit") || third.text.contains("C3.one_card"))
            // sign out ends the cookie's session
            #expect(try await client.call(.post, "/web/signout", form: ["csrf": csrf], headers: cookie).status == 303)
            // a page without a session sends the browser to sign in, and back after it
            let after = try await client.call(.get, "/web/", headers: cookie)
            #expect(after.status == 303 && after.headers["location"] == "/web/signin?back=/web/")
        }
    }

    @Test func aClientUserSeesItsOwnCardsFilesARequestAndFollowsIt() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await signIn(client, "ua")
            let portal = try await client.call(.get, "/web/portal", headers: cookie)
            #expect(portal.text.contains(fixture.cardA) && !portal.text.contains(fixture.cardB))
            let zone = site.core.policy.site.timeZone
            let filed = try await client.call(
                .post, "/web/portal/visit",
                form: [
                    "csrf": csrf, "client_id": fixture.clientA, "reason": "更换电源",
                    "window_start": EntryWindow.timestamp(site.now.addingTimeInterval(8 * 3600), in: zone),
                    "window_end": EntryWindow.timestamp(site.now.addingTimeInterval(9 * 3600), in: zone),
                    "visitor_name_1": "孙八", "visitor_id_1": "110105198503121234", "letter": ServerSite.fixture("letter.pdf"),
                ], headers: cookie)
            #expect(filed.status == 303, "\(filed.text)")
            let followed = try await client.call(.get, "/web/portal", headers: cookie)
            #expect(followed.text.contains("更换电源") && followed.text.contains("filed"))
            // another client's card is not there for this user
            let other = try await client.call(.get, "/web/cards/\(fixture.cardB)", headers: cookie)
            #expect(other.status == 403 && other.text.contains("R3.client"))
            // the console's decisions are not for a client user
            let approve = try await client.call(
                .post, "/web/visits/\(fixture.visitA)/approve", form: ["csrf": csrf], headers: cookie)
            #expect(approve.status == 403)
        }
    }

    @Test func aClientUserFilesARemovalWithItsScansAndFollowsIt() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let equipment = try site.equipment(fixture)
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await signIn(client, "ua")
            let form = try await client.call(.get, "/web/portal/removal", headers: cookie)
            #expect(form.text.contains(equipment.secondItem) && form.text.contains("enctype=\"multipart/form-data\""))
            let noScan = try await client.call(
                .post, "/web/portal/removal",
                form: [
                    "csrf": csrf, "client_id": fixture.clientA, "kind": "repair", "item_x": equipment.secondItem,
                    "removal_date": site.core.today.description, "mover_name_1": "搬运工", "mover_id_1": "110108197910014561",
                    "mover_id_copy_1": ServerSite.fixture("id-copy.png"),
                ], headers: cookie)
            #expect([400, 409].contains(noScan.status) && noScan.text.contains("id=\"error\""), "\(noScan.text)")
            let filed = try await client.call(
                .post, "/web/portal/removal",
                form: [
                    "csrf": csrf, "client_id": fixture.clientA, "kind": "repair", "item_x": equipment.secondItem,
                    "removal_date": site.core.today.description, "company_name": "北京云栈科技有限公司", "mover_name_1": "搬运工",
                    "mover_id_1": "110108197910014561", "mover_id_copy_1": ServerSite.fixture("id-copy.png"),
                    "application_scan": ServerSite.fixture("letter.pdf"),
                ], headers: cookie)
            #expect(filed.status == 303, "\(filed.text)")
            let portal = try await client.call(.get, "/web/portal", headers: cookie)
            #expect(portal.text.contains("SN SN-A2") && portal.text.contains("filed"))
        }
    }

    @Test func theDeskSeesDoorAlertsFromItsMenuAndAcknowledgesOneG3() async throws {
        // given: a holder let out on a lost card at gate east
        let site = try ServerSite()
        let fixture = try site.populate()
        let id = try site.letOutAlert(fixture)
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await signIn(client, "kefu")
            // the dashboard counts it and the menu leads to the list
            let home = try await client.call(.get, "/web/", headers: cookie)
            #expect(home.text.contains("href=\"/web/gate-alerts\""))
            #expect(home.text.contains("待确认门禁警报"))
            let list = try await client.call(.get, "/web/gate-alerts", headers: cookie)
            #expect(list.status == 200)
            #expect(list.text.contains("id=\"alert-\(id)\"") && list.text.contains("C4.lost") && list.text.contains("李娜"))
            #expect(list.text.contains("action=\"/web/gate-alerts/\(id)/acknowledge\""))
            // when: acknowledged through the row's button
            site.advance(minutes: 5)
            let done = try await client.call(
                .post, "/web/gate-alerts/\(id)/acknowledge", form: ["csrf": csrf], headers: cookie)
            #expect(done.status == 303 && done.headers["location"] == "/web/gate-alerts?done=acknowledged")
            // then: gone from the open list; the full list shows who and when, with no button
            let after = try await client.call(.get, "/web/gate-alerts?done=acknowledged", headers: cookie)
            #expect(!after.text.contains("id=\"alert-\(id)\"") && after.text.contains("id=\"done\""))
            let all = try await client.call(.get, "/web/gate-alerts?all=true", headers: cookie)
            #expect(all.text.contains("id=\"alert-\(id)\"") && all.text.contains("kefu 2026-06-15 10:05"))
            #expect(!all.text.contains("/web/gate-alerts/\(id)/acknowledge"))
            // a second acknowledgement is a page naming the clause
            let again = try await client.call(
                .post, "/web/gate-alerts/\(id)/acknowledge", form: ["csrf": csrf], headers: cookie)
            #expect(again.status == 409 && again.text.contains("G3.let_out"))
        }
        // a guard sees the list but no button
        try await site.app().test(.router) { client in
            let (cookie, _) = try await signIn(client, "gate1")
            let list = try await client.call(.get, "/web/gate-alerts?all=true", headers: cookie)
            #expect(list.status == 200 && list.text.contains("id=\"alert-\(id)\""))
            #expect(!list.text.contains("<button type=\"submit\">确认已核实"))
        }
    }

    @Test func signInFailuresAndTheLanguageToggle() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let page = try await client.call(.get, "/web/signin")
            #expect(page.text.contains("登录") && page.text.contains("lang=\"zh-CN\""))
            let wrong = try await client.call(.post, "/web/signin", form: ["name": "kefu", "password": "nope nope nope"])
            #expect(wrong.status == 401 && wrong.text.contains("账户名或密码不正确"))
            let toggle = try await client.call(.get, "/web/lang/en?back=/web/signin")
            #expect(toggle.status == 303 && toggle.headers["location"] == "/web/signin")
            let english = try await client.call(.get, "/web/signin", headers: ["Cookie": "colopass_lang=en"])
            #expect(english.text.contains("Sign in") && english.text.contains("lang=\"en\""))
            let away = try await client.call(.get, "/web/lang/en?back=https://evil.example/")
            #expect(away.headers["location"] == "/web/")
            #expect(try await client.call(.get, "/").headers["location"] == "/web/")
        }
    }

    @Test func whatUsersTypedIsEscaped() async throws {
        let site = try ServerSite()
        let id = try site.company("<script>alert(1)</script>", "91440300MA5FABCD1Q", "HT-X")
        try await site.app().test(.router) { client in
            let page = try await client.call(.get, "/web/clients/\(id)", token: site.tokens["kefu"])
            #expect(!page.text.contains("<script>alert(1)</script>"))
            #expect(page.text.contains("&lt;script&gt;"))
        }
    }

    @Test func afterAnActionThePageSaysWhatWasDoneInFixedWords() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let lost = try await client.call(.get, "/web/cards?done=lost", token: site.tokens["kefu"])
            #expect(lost.text.contains("<p class=\"note\" id=\"done\">已挂失，此卡已作废</p>"))
            let english = try await client.call(.get, "/web/cards?done=sent", token: site.tokens["kefu"], headers: ["Cookie": "colopass_lang=en"])
            #expect(english.text.contains("The order is issued to the room"))
            // the URL picks a sentence, never writes one
            let forged = try await client.call(.get, "/web/cards?done=%3Cb%3Eyou%20won%3C%2Fb%3E", token: site.tokens["kefu"])
            #expect(forged.text.contains("id=\"done\">已完成</p>") && !forged.text.contains("you won"))
        }
    }
}
