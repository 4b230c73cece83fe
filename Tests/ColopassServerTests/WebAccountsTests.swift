import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The administrator's account pages (R1): an account is added with a one-time password shown
/// once, a password is reset the same way, an account is disabled; only the admin may.
@Suite("Web console: accounts")
struct WebAccountsTests {
    static func oneTimePassword(in html: String) -> String? {
        guard let range = html.range(of: #"<code id="password">[^<]+</code>"#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst(20).dropLast(7))
    }

    @Test func R1_theAdminAddsAClientUserWhoSignsInWithTheOneTimePassword() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await WebConsoleTests().signIn(client, "admin")
            let list = try await client.call(.get, "/web/accounts", headers: cookie)
            #expect(list.status == 200 && list.text.contains("kefu") && list.text.contains("/web/accounts/kefu/password"))
            // no actions on the admin's own row: it cannot disable itself from here
            #expect(!list.text.contains("/web/accounts/admin/disable"))
            let added = try await client.call(
                .post, "/web/accounts",
                form: ["name": "ua2", "role": "client_user", "client_id": fixture.clientA, "csrf": csrf], headers: cookie)
            #expect(added.status == 200)
            let password = try #require(Self.oneTimePassword(in: added.text))
            #expect(password.count >= 20)
            // the new user signs in with it, and must first choose their own password (R1)
            let signIn = try await client.call(.post, "/web/signin", form: ["name": "ua2", "password": password])
            #expect(signIn.status == 303 && signIn.headers["location"] == "/web/password")
            // a reset gives another, and the old one no longer works
            let reset = try await client.call(.post, "/web/accounts/ua2/password", form: ["csrf": csrf], headers: cookie)
            let second = try #require(Self.oneTimePassword(in: reset.text))
            #expect(second != password)
            #expect(try await client.call(.post, "/web/signin", form: ["name": "ua2", "password": password]).status == 401)
            // disabled, it cannot sign in even with the right password
            // disabling asks first, then acts
            let asked = try await client.call(.post, "/web/accounts/ua2/disable", form: ["csrf": csrf], headers: cookie)
            #expect(asked.status == 200 && asked.text.contains("id=\"confirm\"") && asked.text.contains("name=\"confirm\" value=\"yes\""))
            #expect(try await client.call(.post, "/web/signin", form: ["name": "ua2", "password": second]).status == 303)
            #expect(
                try await client.call(.post, "/web/accounts/ua2/disable", form: ["csrf": csrf, "confirm": "yes"], headers: cookie).status
                    == 303)
            #expect(try await client.call(.post, "/web/signin", form: ["name": "ua2", "password": second]).status == 401)
        }
    }

    @Test func aClientUserWithoutItsClientIsInvalidAndOnlyTheAdminMayManageAccounts() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await WebConsoleTests().signIn(client, "admin")
            let before = try site.counts()
            let refused = try await client.call(
                .post, "/web/accounts", form: ["name": "ua3", "role": "client_user", "csrf": csrf], headers: cookie)
            #expect(refused.status == 400 && refused.text.contains("client"), "\(refused.status) \(refused.text)")
            #expect(try site.counts() == before)
            let (kefu, kefuCSRF) = try await WebConsoleTests().signIn(client, "kefu")
            #expect(try await client.call(.get, "/web/accounts", headers: kefu).status == 403)
            #expect(
                try await client.call(.post, "/web/accounts/boss/disable", form: ["csrf": kefuCSRF], headers: kefu).status == 403)
        }
    }
}
