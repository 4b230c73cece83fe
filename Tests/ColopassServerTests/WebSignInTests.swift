import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Signing in through the pages (R1): throttled per account and per (account, address) pair,
/// never per address alone; a proxy's X-Forwarded-For believed only from the operator's list;
/// a one-time password changed before anything else; pages without a session go to sign-in
/// and come back after it.
@Suite("Web console: signing in")
struct WebSignInTests {
    func failures(_ client: some TestClientProtocol, _ name: String, _ count: Int, forwardedFor: String? = nil) async throws {
        for _ in 0..<count {
            let reply = try await client.call(
                .post, "/web/signin", form: ["name": name, "password": "a typo, again"],
                headers: forwardedFor.map { ["X-Forwarded-For": $0] } ?? [:])
            #expect(reply.status == 401 || reply.status == 429)
        }
    }

    @Test func R1_fiveFailuresOnOneAccountLeaveAnotherAccountAtTheSameAddressAbleToSignIn() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            try await failures(client, "kefu", site.core.policy.parameters.signinMaxFailures)
            let locked = try await client.call(.post, "/web/signin", form: ["name": "kefu", "password": ServerSite.password])
            #expect(locked.status == 429 && locked.text.contains("R1.throttled"))
            // the sign-in form comes back with the name typed and the clause once
            #expect(locked.text.contains("value=\"kefu\"") && locked.text.components(separatedBy: "R1.throttled").count == 2)
            let other = try await client.call(.post, "/web/signin", form: ["name": "kefu2", "password": ServerSite.password])
            #expect(other.status == 303 && other.headers["location"] == "/web/")
        }
    }

    @Test func R1_XForwardedForCountsOnlyFromAListedProxy() async throws {
        let site = try ServerSite()
        let limit = site.core.policy.parameters.signinMaxFailures
        // not listed: the header is ignored, every attempt is the peer's
        try await site.app().test(.live) { client in
            try await failures(client, "kefu", limit, forwardedFor: "198.51.100.1")
            let elsewhere = try await client.call(
                .post, "/web/signin", form: ["name": "kefu", "password": ServerSite.password], headers: ["X-Forwarded-For": "198.51.100.2"])
            #expect(elsewhere.status == 429)
        }
        // listed: the client behind the proxy is the address counted
        let proxied = ColopassServer.buildApplication(
            core: site.core, host: "127.0.0.1", port: 0,
            configuration: ServerConfiguration(hasher: site.configuration.hasher, trustedProxies: ["127.0.0.1"]))
        try await proxied.test(.live) { client in
            try await failures(client, "boss", limit, forwardedFor: "198.51.100.1")
            let same = try await client.call(
                .post, "/web/signin", form: ["name": "boss", "password": ServerSite.password], headers: ["X-Forwarded-For": "198.51.100.1"])
            #expect(same.status == 429)
            let other = try await client.call(
                .post, "/web/signin", form: ["name": "boss", "password": ServerSite.password],
                headers: ["X-Forwarded-For": "198.51.100.2, 127.0.0.1"])
            #expect(other.status == 303)
        }
    }

    @Test func R1_aOneTimePasswordIsChangedAtFirstSignInBeforeAnythingElse() async throws {
        let site = try ServerSite()
        let password = try site.core.accounts.issueOneTimePassword("kefu2", hasher: site.configuration.hasher, by: site.actor("admin"))
        try await site.app().test(.router) { client in
            let signIn = try await client.call(.post, "/web/signin", form: ["name": "kefu2", "password": password])
            #expect(signIn.status == 303 && signIn.headers["location"] == "/web/password")
            let cookie = ["Cookie": try #require(signIn.headers["set-cookie"]?.split(separator: ";").first.map(String.init))]
            // every other page sends it back to the change form
            let home = try await client.call(.get, "/web/clients", headers: cookie)
            #expect(home.status == 303 && home.headers["location"] == "/web/password")
            let form = try await client.call(.get, "/web/password", headers: cookie)
            #expect(form.status == 200 && form.text.contains("id=\"forced\""))
            let csrf = try #require(form.text.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression))
            let token = String(form.text[csrf].dropFirst(19).prefix(64))
            // the API too refuses it, naming the clause
            let session = try site.core.accounts.signIn(name: "kefu2", password: password, from: "api", hasher: site.configuration.hasher)
            let api = try await client.call(.get, "/api/clients", token: session.token)
            #expect(api.status == 403 && api.clause == "R1.password_change")
            // two different new passwords: the form again, with the field by its label
            let differ = try await client.call(
                .post, "/web/password", form: ["csrf": token, "current": password, "password": "kefu2 own passphrase", "again": "something else"],
                headers: cookie)
            #expect(differ.status == 400 && differ.text.contains("再次输入的新密码"))
            let changed = try await client.call(
                .post, "/web/password",
                form: ["csrf": token, "current": password, "password": "kefu2 own passphrase", "again": "kefu2 own passphrase"],
                headers: cookie)
            #expect(changed.status == 303 && changed.headers["location"] == "/web/signin?done=password")
            let again = try await client.call(.post, "/web/signin", form: ["name": "kefu2", "password": "kefu2 own passphrase"])
            #expect(again.status == 303 && again.headers["location"] == "/web/")
        }
    }

    @Test func aPageWithoutASessionGoesToSignInAndBackAfterIt() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let away = try await client.call(.get, "/web/cards?state=active")
            #expect(away.status == 303)
            let location = try #require(away.headers["location"])
            #expect(location.hasPrefix("/web/signin?back=/web/cards"))
            let page = try await client.call(.get, location)
            #expect(page.text.contains("name=\"back\" value=\"/web/cards?state=active\""))
            let signIn = try await client.call(
                .post, "/web/signin", form: ["name": "kefu", "password": ServerSite.password, "back": "/web/cards?state=active"])
            #expect(signIn.headers["location"] == "/web/cards?state=active")
            // never to another site
            let elsewhere = try await client.call(
                .post, "/web/signin", form: ["name": "kefu", "password": ServerSite.password, "back": "https://evil.example/"])
            #expect(elsewhere.headers["location"] == "/web/")
        }
    }
}
