import ColopassCore
import ColopassServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ColopassServer

/// Visitor log, audit, the gate endpoints, and the error mapping for what is not a core error.
@Suite("API: records, gate, errors")
struct RecordsAndGateAPITests {
    @Test func theVisitorLogAsJSONAndCSV() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let json = try await client.call(.get, "/api/visitor-log?from=2026-06-15&to=2026-06-15", token: site.tokens["kefu"])
            #expect(json.array.count == 2)
            let csv = try await client.call(.get, "/api/visitor-log.csv?from=2026-06-15&to=2026-06-15", token: site.tokens["kefu"])
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            // UTF-8 with a byte-order mark and Chinese headers, for Excel on Chinese Windows; English on request
            #expect(csv.text.hasPrefix("\u{FEFF}时间,事件,类别"))
            let english = try await client.call(.get, "/api/visitor-log.csv?from=2026-06-15&to=2026-06-15&lang=en", token: site.tokens["kefu"])
            #expect(english.text.hasPrefix("\u{FEFF}time,event,kind"))
            #expect(!csv.text.contains("110108197910014561"))
            let backwards = try await client.call(.get, "/api/visitor-log?from=2026-06-15&to=2026-06-01", token: site.tokens["kefu"])
            #expect(backwards.status == 400 && backwards.field == "to")
            #expect(try await client.call(.get, "/api/visitor-log?from=June", token: site.tokens["kefu"]).field == "from")
            #expect(try await client.call(.post, "/api/visitor-log/purge", token: site.tokens["admin"]).object["deleted"] as? Int == 0)
        }
    }

    @Test func theAuditLogAndItsVerification() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let verify = try await client.call(.get, "/api/audit/verify", token: site.tokens["admin"])
            #expect(verify.object["intact"] as? Bool == true)
            #expect((verify.object["checked"] as? Int ?? 0) > 10)
            let cards = try await client.call(.get, "/api/audit?entity=card&limit=5", token: site.tokens["boss"])
            #expect(!cards.array.isEmpty && cards.array.allSatisfy { $0["entity"] as? String == "card" })
            #expect(try await client.call(.get, "/api/audit?limit=0", token: site.tokens["boss"]).field == "limit")
        }
    }

    @Test func aGatePullsASignedSnapshotUploadsEventsOnceAndGetsPhotos() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let token = try site.core.accounts.issueToken(.gate, for: "gate1", label: "east", by: .system).token
        try await site.app().test(.router) { client in
            let snapshot = try await client.call(.get, "/api/gate/snapshot?since=0", token: token)
            #expect(snapshot.status == 200)
            let signed = try SignedSnapshot.decoder().decode(
                SignedSnapshotWire.self, from: snapshot.body)
            #expect(!signed.signatures.isEmpty && signed.body.contains("\"entries\""))
            #expect(try await client.call(.get, "/api/gate/snapshot?since=-1", token: token).field == "since")
            let event: [String: Any] = [
                "id": "g1-0001", "gate": "east", "direction": "in", "at": "2026-06-15T02:00:00.123Z", "kind": 1,
                "credential_id": 1, "generation": 1, "result": "granted", "confirmed": false, "holder_name": "李娜",
            ]
            let first = try await client.call(.post, "/api/gate/events", token: token, json: ["events": [event]])
            #expect(first.object["accepted"] as? Int == 1)
            let second = try await client.call(.post, "/api/gate/events", token: token, json: ["events": [event]])
            #expect(second.object["accepted"] as? Int == 0 && second.object["duplicates"] as? Int == 1)
            let stored = try site.core.gate.gateEvents(by: site.actor("admin"))
            #expect(stored.count == 1)
            #expect(abs((stored.first?.at.timeIntervalSince1970 ?? 0) - 1_781_488_800.123) < 0.0005)
            let bad = try await client.call(.post, "/api/gate/events", token: token, json: ["events": [["id": "x"]]])
            #expect(bad.status == 400 && bad.field == "events[0].gate")
            // photos of card holders only
            let person = try site.core.registry.person(fixture.personA, by: .system).person
            let photo = try await client.call(.get, "/api/gate/photos/\(person.photo!)", token: token)
            #expect(photo.body == ServerSite.fixture("photo.png"))
            let letter = try await client.call(.get, "/api/gate/photos/\(person.letter!)", token: token)
            #expect(letter.status == 404)
            #expect(try await client.call(.get, "/api/gate/photos/xyz", token: token).field == "sha256")
            let keys = try await client.call(.get, "/api/gate/keys", token: token)
            #expect(keys.object["site"] as? String == "DC1")
        }
    }

    @Test func theDeskAcknowledgesADoorAlertOnceWhoAndWhenKeptG3() async throws {
        // given: a holder let out on a lost card at gate east
        let site = try ServerSite()
        let fixture = try site.populate()
        let id = try site.letOutAlert(fixture)
        try await site.app().test(.router) { client in
            let open = try await client.call(.get, "/api/gate-alerts", token: site.tokens["kefu"])
            #expect(open.array.count == 1 && open.array.first?["acknowledged_at"] == nil)
            // when: a guard tries, then customer service acknowledges
            let byGuard = try await client.call(.post, "/api/gate-alerts/\(id)/acknowledge", token: site.tokens["gate1"])
            #expect(byGuard.status == 403 && byGuard.clause == "R1.role")
            site.advance(minutes: 5)
            let done = try await client.call(.post, "/api/gate-alerts/\(id)/acknowledge", token: site.tokens["kefu"])
            // then: who and when, in the site's wire format
            #expect(done.status == 200)
            #expect(done.object["acknowledged_by"] as? String == "kefu")
            #expect(done.object["acknowledged_at"] as? String == "2026-06-15T02:05:00.000Z")
            #expect(done.object["clause"] as? String == "C4.lost" && done.object["kind"] as? String == "let_out")
            // gone from the open list, kept in the full one
            #expect(try await client.call(.get, "/api/gate-alerts", token: site.tokens["kefu"]).array.isEmpty)
            #expect(try await client.call(.get, "/api/gate-alerts?all=true", token: site.tokens["boss"]).array.count == 1)
            // a second acknowledgement is refused under the alert's clause (409), an unknown one is 404
            let again = try await client.call(.post, "/api/gate-alerts/\(id)/acknowledge", token: site.tokens["boss"])
            #expect(again.status == 409 && again.clause == "G3.let_out")
            #expect(try await client.call(.post, "/api/gate-alerts/99999/acknowledge", token: site.tokens["boss"]).status == 404)
            #expect(try await client.call(.post, "/api/gate-alerts/x/acknowledge", token: site.tokens["boss"]).field == "id")
        }
    }

    @Test func unknownRoutesAndFailuresAnswerInTheSameJSONShape() async throws {
        let site = try ServerSite()
        try await site.app().test(.router) { client in
            let missing = try await client.call(.get, "/api/nothing-here", token: site.tokens["kefu"])
            #expect(missing.status == 404)
            #expect((missing.object["error"] as? [String: Any])?["en"] as? String == "no such route")
        }
        // an error the server does not know: 500, a generic bilingual message, no detail
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.get("/boom") { _, _ -> String in throw NSError(domain: "secret-detail", code: 42) }
        try await Application(router: router).test(.router) { client in
            let boom = try await client.call(.get, "/boom")
            #expect(boom.status == 500)
            #expect(!boom.text.contains("secret-detail"))
            #expect((boom.object["error"] as? [String: Any])?["zh"] as? String != nil)
        }
    }
}

/// The wire form of a signed snapshot (snake_case keys as the API writes them).
struct SignedSnapshotWire: Decodable {
    struct Signature: Decodable {
        var key_id: Int64
        var signature: String
    }

    var body: String
    var signatures: [Signature]
}
