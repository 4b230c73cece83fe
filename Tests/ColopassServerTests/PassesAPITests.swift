import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Temporary entry (C7) and emergency entry (C6) over HTTP.
@Suite("API: temporary and emergency entry")
struct PassesAPITests {
    @Test func aClientFilesCustomerServiceApprovesAndTheClientPrintsTheSlips() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let start = site.now.addingTimeInterval(8 * 3600)
            var body: [String: Any] = [
                "client_id": fixture.clientA, "reason": "更换硬盘", "window_start": RouteSamples.iso(start),
                "window_end": RouteSamples.iso(start.addingTimeInterval(3 * 3600)),
                "visitors": [["name": "赵六", "id_number": "110108197910014561"]],
                "letter": ServerSite.upload("letter.pdf"),
            ]
            let filed = try await client.call(.post, "/api/visit-requests", token: site.tokens["ua"], json: body)
            #expect(filed.status == 201)
            #expect(!filed.text.contains("110108197910014561"))
            let id = try #require((filed.object["request"] as? [String: Any])?["id"] as? Int)
            // refusals
            var noLetter = body
            noLetter["letter"] = nil
            #expect(try await client.call(.post, "/api/visit-requests", token: site.tokens["ua"], json: noLetter).clause == "C7.letter")
            var soon = body
            soon["window_start"] = RouteSamples.iso(site.now.addingTimeInterval(3600))
            soon["window_end"] = RouteSamples.iso(site.now.addingTimeInterval(7200))
            #expect(try await client.call(.post, "/api/visit-requests", token: site.tokens["ua"], json: soon).clause == "C7.notice")
            var long = body
            long["window_end"] = RouteSamples.iso(start.addingTimeInterval(24 * 3600))
            #expect(try await client.call(.post, "/api/visit-requests", token: site.tokens["ua"], json: long).clause == "C7.window")
            body["window_start"] = "tomorrow morning"
            #expect(try await client.call(.post, "/api/visit-requests", token: site.tokens["ua"], json: body).field == "window_start")
            body["window_start"] = RouteSamples.iso(start)
            body["visitors"] = [["name": "赵六", "id_number": "123"]]
            #expect(try await client.call(.post, "/api/visit-requests", token: site.tokens["ua"], json: body).field == "visitors[0].id_number")
            // slips only once approved
            #expect(try await client.call(.get, "/api/visit-requests/\(id)/slips", token: site.tokens["ua"]).clause == "C7.state")
            // no one approves their own request
            let own = try await client.call(
                .post, "/api/visit-requests", token: site.tokens["kefu"],
                json: [
                    "client_id": fixture.clientA, "reason": "代客户申请", "window_start": RouteSamples.iso(start),
                    "window_end": RouteSamples.iso(start.addingTimeInterval(3600)),
                    "visitors": [["name": "孙八", "id_number": "110105198503121234"]],
                    "letter": ServerSite.upload("letter.pdf"),
                ])
            let ownId = try #require((own.object["request"] as? [String: Any])?["id"] as? Int)
            let selfApproved = try await client.call(.post, "/api/visit-requests/\(ownId)/approve", token: site.tokens["kefu"])
            #expect(selfApproved.status == 403 && selfApproved.clause == "R2.self")
            let noReason = try await client.call(.post, "/api/visit-requests/\(ownId)/reject", token: site.tokens["kefu2"], json: [:])
            #expect(noReason.status == 400 && noReason.field == "reason")
            // approve, print
            let approved = try await client.call(.post, "/api/visit-requests/\(id)/approve", token: site.tokens["kefu"])
            #expect(approved.object["status"] as? String == "approved")
            #expect((approved.object["passes"] as? [Any])?.count == 1)
            let again = try await client.call(.post, "/api/visit-requests/\(id)/approve", token: site.tokens["kefu2"])
            #expect(again.status == 409 && again.clause == "C7.state")
            let slips = try await client.call(.get, "/api/visit-requests/\(id)/slips", token: site.tokens["ua"])
            #expect(slips.array.first?["svg"] as? String != nil)
            // a client user may not cancel an approved request; customer service may
            #expect(try await client.call(.post, "/api/visit-requests/\(id)/cancel", token: site.tokens["ua"], json: [:]).clause == "C7.state")
            #expect(try await client.call(.post, "/api/visit-requests/\(id)/cancel", token: site.tokens["kefu2"], json: [:]).status == 200)
            let filedList = try await client.call(.get, "/api/visit-requests?status=filed", token: site.tokens["kefu"])
            #expect(filedList.array.allSatisfy { $0["status"] as? String == "filed" })
            #expect(try await client.call(.get, "/api/visit-requests?status=maybe", token: site.tokens["kefu"]).field == "status")
            #expect(try await client.call(.get, "/api/visit-requests/999", token: site.tokens["kefu"]).status == 404)
        }
    }

    @Test func emergenciesAreApprovedReviewedByAnotherAndConfirmedAtTheDoor() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let body: [String: Any] = [
                "client_id": fixture.clientA, "staff": [["name": "钱七", "id_number": "110108197910014561"]],
                "reason": "UPS 告警", "hours": 2,
            ]
            let tooLong = try await client.call(
                .post, "/api/emergencies", token: site.tokens["boss"], json: body.merging(["hours": 9]) { $1 })
            #expect(tooLong.status == 409 && tooLong.clause == "C6.window")
            let zero = try await client.call(
                .post, "/api/emergencies", token: site.tokens["boss"], json: body.merging(["hours": 0]) { $1 })
            #expect(zero.status == 400 && zero.field == "hours")
            let approved = try await client.call(.post, "/api/emergencies", token: site.tokens["boss"], json: body)
            #expect(approved.status == 201)
            let id = try #require((approved.object["entry"] as? [String: Any])?["id"] as? Int)
            let ownReview = try await client.call(
                .post, "/api/emergencies/\(id)/review", token: site.tokens["boss"], json: ["note": "ok"])
            #expect(ownReview.status == 403 && ownReview.clause == "R2.self")
            #expect(try await client.call(.post, "/api/emergencies/\(id)/review", token: site.tokens["boss2"], json: ["note": "ok"]).status == 200)
            #expect(try await client.call(.post, "/api/emergencies/\(id)/review", token: site.tokens["boss2"], json: ["note": "ok"]).clause == "C6.reviewed")
            let awaiting = try await client.call(.get, "/api/emergencies?awaiting_review=true", token: site.tokens["boss"])
            #expect(awaiting.array.count == 1)
            // at the door
            let pass = "/api/emergency-passes/\(fixture.emergencyPassA)/confirm-id"
            let mismatch = try await client.call(.post, pass, token: site.tokens["gate1"], json: ["id_number": "110105198503121234"])
            #expect(mismatch.status == 409 && mismatch.clause == "C6.id_mismatch")
            #expect(try await client.call(.post, pass, token: site.tokens["gate1"], json: ["id_number": "11010519491231002x"]).status == 200)
            #expect(try await client.call(.post, pass, token: site.tokens["gate1"], json: ["id_number": "11010519491231002X"]).clause == "C6.state")
            let slips = try await client.call(.get, "/api/emergencies/\(id)/slips", token: site.tokens["boss"])
            #expect(slips.array.count == 1)
        }
    }
}
