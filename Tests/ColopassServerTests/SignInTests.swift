import ColopassCore
import Foundation
import GRDB
import Testing

/// R1 in the core: passwords, sign-in throttling, sessions and tokens. No HTTP here.
@Suite("Sign-in in the core (R1)")
struct SignInTests {
    let hasher = PasswordHasher(iterations: 1_000)

    @Test func aPasswordIsStoredOnlyAsAHashAndAuditedAsSet() throws {
        // given
        let site = try ServerSite()
        // when
        try site.core.accounts.setPassword("kefu", to: "another long password", hasher: hasher, by: site.actor("admin"))
        // then
        let (hash, audit) = try site.core.store.pool.read { db in
            (
                try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE name = 'kefu'")!,
                try String.fetchAll(db, sql: "SELECT COALESCE(before, '') || COALESCE(after, '') FROM audit_record")
                    .joined()
            )
        }
        #expect(hash.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(!audit.contains("another long password"))
        #expect(!audit.contains(hash))
        #expect(audit.contains("(set)"))
        #expect(PasswordHasher().iterations == 600_000)
    }

    @Test func aShortPasswordIsInvalidInputNamingTheField() throws {
        let site = try ServerSite()
        #expect(throws: CoreError.self) {
            try site.core.accounts.setPassword("kefu", to: "short", hasher: hasher, by: site.actor("admin"))
        }
        do {
            try site.core.accounts.setPassword("kefu", to: "elevenchars", hasher: hasher, by: site.actor("admin"))
        } catch CoreError.invalidInput(let field, _) {
            #expect(field == "password")
        }
    }

    @Test func onlyAnAdminSetsAnotherAccountsPassword() throws {
        let site = try ServerSite()
        #expect(throws: CoreError.self) {
            try site.core.accounts.setPassword("boss", to: "a good long password", hasher: hasher, by: site.actor("kefu"))
        }
    }

    @Test func signInChecksThePasswordAndAWrongOneLooksLikeAnUnknownName() throws {
        let site = try ServerSite()
        let ok = try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "10.0.0.1", hasher: hasher)
        #expect(ok.account.passwordHash == "(set)")
        #expect(ok.token.hasPrefix("cps_"))
        #expect(try site.core.accounts.authenticate(token: ok.token).actor.name == "kefu")
        for name in ["kefu", "nobody"] {
            do {
                _ = try site.core.accounts.signIn(name: name, password: "wrong password!", from: "10.0.0.1", hasher: hasher)
                Issue.record("signed in with a wrong password")
            } catch CoreError.refused(let refusal) {
                #expect(refusal.clause.code == "R1.signin")
            }
        }
    }

    @Test func theTokenIsStoredOnlyAsItsSHA256() throws {
        let site = try ServerSite()
        let session = try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "a", hasher: hasher)
        let stored = try site.core.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT token_hash FROM auth_token")
        }
        #expect(!stored.contains(session.token))
        #expect(stored.contains(SHA256.hex(Array(session.token.utf8))))
    }

    @Test func R1_failuresOfOneAccountFromEveryAddressLockItOutEvenWithTheRightPassword() throws {
        // given: the policy's per-account number of failures, spread over addresses
        let site = try ServerSite()
        let policy = site.core.policy.parameters
        for attempt in 0..<policy.signinMaxFailuresPerAccount {
            #expect(throws: CoreError.self) {
                try site.core.accounts.signIn(name: "kefu", password: "wrong password!", from: "10.0.0.\(attempt)", hasher: hasher)
            }
        }
        // when / then: the right password is refused as throttled, from anywhere
        #expect(clause { try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "10.9.9.9", hasher: hasher) } == "R1.throttled")
        // another account from the same address is not affected
        _ = try site.core.accounts.signIn(name: "boss", password: ServerSite.password, from: "10.9.9.9", hasher: hasher)
        // after the lock-out window it works again
        site.advance(minutes: Double(policy.signinLockoutMinutes) + 1)
        _ = try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "10.9.9.9", hasher: hasher)
    }

    @Test func R1_fiveFailuresOnOneAccountLockThatAccountFromThatAddressAndNoOtherAccount() throws {
        // given: the front desk behind one NAT address; one clerk mistypes five times
        let site = try ServerSite()
        let policy = site.core.policy.parameters
        #expect(policy.signinMaxFailures == 5)
        for _ in 0..<policy.signinMaxFailures {
            #expect(throws: CoreError.self) {
                try site.core.accounts.signIn(name: "kefu", password: "typo typo typo", from: "203.0.113.7", hasher: hasher)
            }
        }
        // then: that clerk is locked out from that address, even with the right password
        #expect(clause { try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "203.0.113.7", hasher: hasher) } == "R1.throttled")
        // and everyone else at the same address signs in
        _ = try site.core.accounts.signIn(name: "kefu2", password: ServerSite.password, from: "203.0.113.7", hasher: hasher)
        _ = try site.core.accounts.signIn(name: "boss", password: ServerSite.password, from: "203.0.113.7", hasher: hasher)
        // guessing names from one address locks no account that was not guessed at
        for name in ["a1", "a2", "a3", "a4", "a5", "a6"] {
            #expect(throws: CoreError.self) {
                try site.core.accounts.signIn(name: name, password: "guessing again", from: "203.0.113.7", hasher: hasher)
            }
        }
        _ = try site.core.accounts.signIn(name: "admin", password: ServerSite.password, from: "203.0.113.7", hasher: hasher)
    }

    @Test func R1_aOneTimePasswordMustBeChangedBeforeTheSessionDoesAnythingElse() throws {
        let site = try ServerSite()
        let password = try site.core.accounts.issueOneTimePassword("kefu", hasher: hasher, by: site.actor("admin"))
        #expect(try site.core.accounts.passwordChangeDue("kefu"))
        let session = try site.core.accounts.signIn(name: "kefu", password: password, from: "a", hasher: hasher)
        #expect(try site.core.accounts.authenticate(token: session.token).passwordChangeDue)
        // the same password is not a change
        #expect(throws: CoreError.self) {
            try site.core.accounts.changeOwnPassword(current: password, to: password, hasher: hasher, by: site.actor("kefu"))
        }
        try site.core.accounts.changeOwnPassword(current: password, to: "my very own passphrase", hasher: hasher, by: site.actor("kefu"))
        #expect(try !site.core.accounts.passwordChangeDue("kefu"))
        let next = try site.core.accounts.signIn(name: "kefu", password: "my very own passphrase", from: "a", hasher: hasher)
        #expect(try !site.core.accounts.authenticate(token: next.token).passwordChangeDue)
    }

    @Test func refusedSignInsAreAuditedWithoutThePassword() throws {
        let site = try ServerSite()
        _ = try? site.core.accounts.signIn(name: "kefu", password: "secret guess 123", from: "x", hasher: hasher)
        let refused = try site.core.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_record WHERE outcome = 'refused' AND action = 'auth.signin'")
        }
        #expect(refused.count == 1)
        #expect(refused.first?["clause"] == "R1.signin")
        let after: String = refused.first?["after"] ?? ""
        #expect(after.range(of: "secret guess") == nil)
    }

    @Test func aSessionExpiresAndSignOutEndsIt() throws {
        let site = try ServerSite()
        let session = try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "a", hasher: hasher)
        site.advance(minutes: Accounts.sessionHours * 60 + 1)
        #expect(clause { try site.core.accounts.authenticate(token: session.token) } == "R1.session")
        let second = try site.core.accounts.signIn(name: "kefu", password: ServerSite.password, from: "a", hasher: hasher)
        try site.core.accounts.signOut(tokenId: second.tokenId, by: second.actor)
        #expect(clause { try site.core.accounts.authenticate(token: second.token) } == "R1.session")
    }

    @Test func aDisabledAccountsTokensStopWorking() throws {
        let site = try ServerSite()
        let token = try #require(site.tokens["kefu"])
        _ = try site.core.accounts.disableAccount("kefu", by: site.actor("admin"))
        #expect(clause { try site.core.accounts.authenticate(token: token) } == "R1.session")
    }

    @Test func aNewPasswordEndsTheAccountsSessions() throws {
        let site = try ServerSite()
        let token = try #require(site.tokens["kefu"])
        try site.core.accounts.changeOwnPassword(
            current: ServerSite.password, to: "a brand new passphrase", hasher: hasher, by: site.actor("kefu"))
        #expect(clause { try site.core.accounts.authenticate(token: token) } == "R1.session")
        #expect(throws: CoreError.self) {
            try site.core.accounts.changeOwnPassword(
                current: "not the password", to: "another new passphrase", hasher: hasher, by: site.actor("kefu"))
        }
    }

    @Test func gateTokensAreForGuardsOnlyAndIssuedByAnAdmin() throws {
        let site = try ServerSite()
        let issued = try site.core.accounts.issueToken(.gate, for: "gate1", label: "east door", by: site.actor("admin"))
        #expect(issued.token.hasPrefix("cpg_"))
        let identity = try site.core.accounts.authenticate(token: issued.token)
        #expect(identity.kind == .gate && identity.actor.role == .guard)
        #expect(clause { try site.core.accounts.issueToken(.gate, for: "kefu", label: nil, by: site.actor("admin")) } == "R1.role")
        #expect(clause { try site.core.accounts.issueToken(.api, for: "kefu", label: nil, by: site.actor("kefu")) } == "R1.role")
        _ = try site.core.accounts.revokeToken(issued.id, by: site.actor("admin"))
        #expect(clause { try site.core.accounts.authenticate(token: issued.token) } == "R1.session")
    }

    @Test func firstStartGivesPasswordsOnceWhenTheAdminHasNone() throws {
        // given: a fresh site with an admin and a demo operator, no passwords
        let directory = NSTemporaryDirectory() + "colopass-first-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let core = try Core(dataDirectory: directory, policy: try ServerSite.policy())
        _ = try core.accounts.initialiseSite(adminName: "admin")
        _ = try core.accounts.addAccount(name: "kefu", role: .customerService, by: .system)
        // when
        let first = try core.accounts.assignFirstPasswords(adminName: "admin", hasher: hasher)
        let second = try core.accounts.assignFirstPasswords(adminName: "admin", hasher: hasher)
        // then
        #expect(first.map(\.account) == ["admin", "kefu"])
        #expect(first.allSatisfy { $0.password.count >= core.policy.parameters.passwordMinLength })
        #expect(second.isEmpty)
        _ = try core.accounts.signIn(name: "admin", password: first[0].password, from: "a", hasher: hasher)
    }

    private func clause(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch CoreError.refused(let refusal) {
            return refusal.clause.code
        } catch {
            return "\(error)"
        }
    }
}
