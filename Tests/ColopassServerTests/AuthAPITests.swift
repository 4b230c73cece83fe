import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Sign-in over HTTP: bearer sessions, the web cookie with its CSRF token, throttling, tokens.
@Suite("API: sign-in, sessions and tokens")
struct AuthAPITests {
    @Test func signInGivesABearerTokenThatActsAsTheAccount() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            // when
            let signIn = try await client.call(
                .post, "/api/session", json: ["name": "kefu", "password": ServerSite.password])
            // then
            #expect(signIn.status == 201)
            let token = try #require(signIn.object["token"] as? String)
            #expect((signIn.object["account"] as? [String: Any])?["password_hash"] as? String == "(set)")
            let me = try await client.call(.get, "/api/me", token: token)
            #expect((me.object["account"] as? [String: Any])?["name"] as? String == "kefu")
            #expect(me.object["token_kind"] as? String == "session")
            // sign out: the token stops working
            #expect(try await client.call(.delete, "/api/session", token: token).status == 204)
            let after = try await client.call(.get, "/api/me", token: token)
            #expect(after.status == 401 && after.clause == "R1.session")
            #expect(after.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        }
    }

    @Test func aWrongPasswordIs401AndRepeatedFailuresAre429() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            for _ in 0..<site.core.policy.parameters.signinMaxFailures {
                let wrong = try await client.call(.post, "/api/session", json: ["name": "kefu", "password": "nope nope nope"])
                #expect(wrong.status == 401 && wrong.clause == "R1.signin")
                #expect((wrong.object["error"] as? [String: Any])?["zh"] as? String != nil)
            }
            let locked = try await client.call(
                .post, "/api/session", json: ["name": "kefu", "password": ServerSite.password])
            #expect(locked.status == 429 && locked.clause == "R1.throttled")
            site.advance(minutes: Double(site.core.policy.parameters.signinLockoutMinutes) + 1)
            let again = try await client.call(
                .post, "/api/session", json: ["name": "kefu", "password": ServerSite.password])
            #expect(again.status == 201)
        }
    }

    @Test func aSignInWithoutAFieldNamesIt() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let missing = try await client.call(.post, "/api/session", json: ["name": "kefu"])
            #expect(missing.status == 400 && missing.field == "password")
            let garbage = try await client.call(.post, "/api/session", raw: "{not json")
            #expect(garbage.status == 400 && garbage.field == "body")
        }
    }

    @Test func theCookieSessionNeedsTheCSRFTokenForChanges() async throws {
        let site = try ServerSite()
        let token = try #require(site.tokens["admin"])
        let cookie = ["Cookie": "colopass_session=\(token)"]
        try await site.app().test(.router) { client in
            // reads work with the cookie alone
            #expect(try await client.call(.get, "/api/accounts", headers: cookie).status == 200)
            // a change without the CSRF header is refused and changes nothing
            let before = try site.counts()
            let refused = try await client.call(
                .post, "/api/accounts", json: ["name": "x1", "role": "guard"], headers: cookie)
            #expect(refused.status == 403 && refused.clause == "R1.csrf")
            #expect(try site.counts() == before)
            // with a wrong one too
            var wrong = cookie
            wrong["X-CSRF-Token"] = String(repeating: "0", count: 64)
            #expect(try await client.call(.post, "/api/accounts", json: ["name": "x1", "role": "guard"], headers: wrong).status == 403)
            // with the session's own token it goes through
            var right = cookie
            right["X-CSRF-Token"] = SHA256.hex(Array("colopass-csrf:\(token)".utf8))
            #expect(try await client.call(.post, "/api/accounts", json: ["name": "x1", "role": "guard"], headers: right).status == 201)
        }
    }

    @Test func aGateTokenOpensTheGateRoutesOnly() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let issued = try await client.call(
                .post, "/api/accounts/gate1/tokens", token: site.tokens["admin"], json: ["kind": "gate", "label": "east"])
            #expect(issued.status == 201)
            let token = try #require(issued.object["token"] as? String)
            #expect(try await client.call(.get, "/api/gate/snapshot?since=0", token: token).status == 200)
            let elsewhere = try await client.call(.get, "/api/cards", token: token)
            #expect(elsewhere.status == 403 && elsewhere.clause == "R1.role")
            // a gate token for a non-guard is refused
            let wrong = try await client.call(
                .post, "/api/accounts/kefu/tokens", token: site.tokens["admin"], json: ["kind": "gate"])
            #expect(wrong.status == 403 && wrong.clause == "R1.role")
            let badKind = try await client.call(
                .post, "/api/accounts/kefu/tokens", token: site.tokens["admin"], json: ["kind": "session"])
            #expect(badKind.status == 400 && badKind.field == "kind")
            // the list never shows a secret; revoking ends it
            let list = try await client.call(.get, "/api/tokens", token: site.tokens["admin"])
            #expect(!list.text.contains(token))
            let id = try #require(issued.object["id"] as? Int)
            #expect(try await client.call(.delete, "/api/tokens/\(id)", token: site.tokens["admin"]).status == 200)
            #expect(try await client.call(.get, "/api/gate/keys", token: token).status == 401)
            let twice = try await client.call(.delete, "/api/tokens/\(id)", token: site.tokens["admin"])
            #expect(twice.status == 409 && twice.clause == "D1.status")
            #expect(try await client.call(.delete, "/api/tokens/999", token: site.tokens["admin"]).status == 404)
        }
    }

    @Test func passwordsAreSetByTheAdminAndChangedByTheirOwner() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let short = try await client.call(
                .put, "/api/accounts/kefu/password", token: site.tokens["admin"], json: ["password": "short"])
            #expect(short.status == 400 && short.field == "password")
            let unknown = try await client.call(
                .put, "/api/accounts/ghost/password", token: site.tokens["admin"], json: ["password": "long enough password"])
            #expect(unknown.status == 404)
            let wrongCurrent = try await client.call(
                .put, "/api/me/password", token: site.tokens["boss"],
                json: ["current": "not it at all", "password": "long enough password"])
            #expect(wrongCurrent.status == 400 && wrongCurrent.field == "current")
            #expect(
                try await client.call(
                    .put, "/api/accounts/kefu/password", token: site.tokens["admin"],
                    json: ["password": "long enough password"]
                ).status == 204)
            // the old session ended with the old password
            #expect(try await client.call(.get, "/api/me", token: site.tokens["kefu"]).status == 401)
            #expect(
                try await client.call(
                    .post, "/api/session", json: ["name": "kefu", "password": "long enough password"]
                ).status == 201)
        }
    }

    @Test func accountsAreManagedByTheAdmin() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let admin = site.tokens["admin"]
            let badRole = try await client.call(.post, "/api/accounts", token: admin, json: ["name": "z", "role": "king"])
            #expect(badRole.status == 400 && badRole.field == "role")
            let clientless = try await client.call(
                .post, "/api/accounts", token: admin, json: ["name": "z", "role": "client_user"])
            #expect(clientless.status == 400 && clientless.field == "client")
            let duplicate = try await client.call(
                .post, "/api/accounts", token: admin, json: ["name": "kefu", "role": "guard"])
            #expect(duplicate.status == 409 && duplicate.clause == "D1.unique")
            let itself = try await client.call(.post, "/api/accounts/admin/disable", token: admin)
            #expect(itself.status == 403 && itself.clause == "R2.self")
            let list = try await client.call(.get, "/api/accounts", token: admin)
            #expect(list.array.allSatisfy { ($0["password_hash"] as? String).map { $0 == "(set)" } ?? true })
        }
    }
}
