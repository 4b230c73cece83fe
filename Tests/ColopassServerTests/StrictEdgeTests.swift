import ColopassCore
import Foundation
import TestProcesses
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ColopassServer

/// The edge refuses what it cannot read as the contract says: JSON only as JSON, text only as
/// UTF-8, methods the API does not speak; and the audit routes answer a tampered row as data.
@Suite("API: the strict edge")
struct StrictEdgeTests {
    static let company = #"{"kind":"company","name":"北京测试科技有限公司","credit_code":"91110108MA01ABCD1E"}"#

    @Test func jsonSentAsAnotherTypeIs415() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"] {
                let reply = try await client.call(
                    .post, "/api/clients", token: site.tokens["kefu"], raw: Self.company, headers: ["Content-Type": type])
                #expect(reply.status == 415, "\(type): \(reply.text)")
                #expect((reply.object["error"] as? [String: Any])?["en"] as? String != nil)
            }
            // a body with no type at all
            let untyped = try await client.execute(
                uri: "/api/clients", method: .post, headers: [.authorization: "Bearer \(site.tokens["kefu"]!)"],
                body: ByteBuffer(string: Self.company)) { Int($0.status.code) }
            #expect(untyped == 415)
            #expect(try site.counts()["client"] == 0, "nothing registered")
            // JSON as JSON is taken, with or without its charset
            let taken = try await client.call(
                .post, "/api/clients", token: site.tokens["kefu"], raw: Self.company,
                headers: ["Content-Type": "application/json; charset=utf-8"])
            #expect(taken.status == 201 || taken.status == 200, "\(taken.text)")
        }
    }

    @Test func textThatIsNotUTF8Is400NamingTheField() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            var bytes = Array(#"{"kind":"company","name":""#.utf8)
            bytes += [0xFF, 0xFE]
            bytes += Array(#"","credit_code":"91110108MA01ABCD1E"}"#.utf8)
            let reply = try await client.execute(
                uri: "/api/clients", method: .post,
                headers: [.authorization: "Bearer \(site.tokens["kefu"]!)", .contentType: "application/json"],
                body: ByteBuffer(bytes: bytes)
            ) { response in (Int(response.status.code), Data(buffer: response.body)) }
            #expect(reply.0 == 400)
            let error = (try JSONSerialization.jsonObject(with: reply.1) as? [String: Any])?["error"] as? [String: Any]
            #expect(error?["field"] as? String == "name")
            #expect(try site.counts()["client"] == 0)
        }
    }

    @Test func aFlagWithNoValueIs400NamingIt() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            for uri in ["/api/tokens?all=", "/api/gate-alerts?all=", "/api/tokens?all=maybe"] {
                let reply = try await client.call(.get, uri, token: site.tokens["admin"])
                #expect(reply.status == 400 && reply.field == "all", "\(uri): \(reply.status) \(reply.text)")
            }
            #expect(try await client.call(.get, "/api/tokens?all=true", token: site.tokens["admin"]).status == 200)
            #expect(try await client.call(.get, "/api/tokens", token: site.tokens["admin"]).status == 200)
        }
    }

    @Test func aTokenLifeBeyondTenYearsIs400NotACrash() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let before = try site.counts()
            let reply = try await client.call(
                .post, "/api/accounts/gate1/tokens", token: site.tokens["admin"], json: ["kind": "gate", "days": 6_395_258_452_990])
            #expect(reply.status == 400 && reply.field == "days", "\(reply.status) \(reply.text)")
            #expect(try site.counts() == before)
            let year = try await client.call(
                .post, "/api/accounts/gate1/tokens", token: site.tokens["admin"], json: ["kind": "gate", "days": 365])
            #expect(year.status == 201 || year.status == 200, "\(year.text)")
        }
    }

    @Test func traceAndUnknownMethodsAre405() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            for method in [HTTPRequest.Method.trace, HTTPRequest.Method(rawValue: "BREW")!, .options] {
                let reply = try await client.call(method, "/api/clients", token: site.tokens["kefu"])
                #expect(reply.status == 405, "\(method)")
                #expect(reply.headers["allow"] == "GET, POST", "\(method): \(reply.headers)")
            }
            let root = try await client.call(.trace, "/")
            #expect(root.status == 405)
            // a known path with a method it does not answer
            let patch = try await client.call(.patch, "/api/clients/1", token: site.tokens["kefu"])
            #expect(patch.status == 405)
            #expect(patch.headers["allow"] == "GET")
            // an unknown path is still 404
            #expect(try await client.call(.get, "/api/nothing-here", token: site.tokens["kefu"]).status == 404)
        }
    }

    @Test func R4_aTamperedAuditRowIsListedAndNamedNever500() async throws {
        // given: an audit row whose outcome was edited into a word the log does not know
        let site = try ServerSite()
        _ = try site.populate()
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [
            site.core.store.path,
            "DROP TRIGGER audit_record_no_update; UPDATE audit_record SET outcome = 'overruled' WHERE seq = 3;",
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        try await site.app().test(.router) { client in
            // when
            let listed = try await client.call(.get, "/api/audit?limit=10000", token: site.tokens["admin"])
            let verify = try await client.call(.get, "/api/audit/verify", token: site.tokens["admin"])

            // then
            #expect(listed.status == 200, "\(listed.text)")
            let row = listed.array.first { $0["seq"] as? Int == 3 }
            #expect(row?["outcome"] as? String == "overruled")
            #expect(row?["tampered"] as? Bool == true)
            #expect(listed.array.filter { $0["tampered"] as? Bool == true }.count == 1)
            #expect(verify.status == 200, "\(verify.text)")
            #expect(verify.object["intact"] as? Bool == false)
            #expect((verify.object["first_break"] as? [String: Any])?["seq"] as? Int == 3)
        }
    }
}
