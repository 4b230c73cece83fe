import ColopassCore
import Foundation
import HummingbirdTesting
import Testing

/// The client's side through the API: a photo waits for the desk (C1), the client's own access
/// log as CSV.
@Suite("The client's side, through the API")
struct ClientSideAPITests {
    @Test func aPhotoSentThroughTheAPIIsServedOnlyAfterTheDeskApprovesIt_C1() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let photo = "/api/people/\(fixture.personA)/photo"
            let before = try await client.call(.get, photo, token: site.tokens["kefu"]).body
            // when: the client's user sends a new photo
            let sent = try await client.call(
                .post, "/api/people/\(fixture.personA)/documents", token: site.tokens["ua"],
                json: ["photo": ServerSite.upload("id-copy.png")])
            #expect(sent.status == 200)
            // then: the approved photo is still the one served; the desk has it in its queue
            #expect(try await client.call(.get, photo, token: site.tokens["kefu"]).body == before)
            let queue = try await client.call(.get, "/api/document-reviews", token: site.tokens["kefu"]).array
            #expect(queue.count == 1)
            let id = try #require((queue.first?["review"] as? [String: Any])?["id"] as? Int)
            let file = try await client.call(.get, "/api/document-reviews/\(id)/file", token: site.tokens["kefu"])
            #expect(file.body == ServerSite.fixture("id-copy.png"))
            // the client's user cannot approve its own document
            let selfApproved = try await client.call(.post, "/api/document-reviews/\(id)/approve", token: site.tokens["ua"])
            #expect(selfApproved.status == 403 && selfApproved.clause == "R1.role")
            // when: the desk approves it, then the new photo is served
            #expect(try await client.call(.post, "/api/document-reviews/\(id)/approve", token: site.tokens["kefu"]).status == 200)
            #expect(try await client.call(.get, photo, token: site.tokens["kefu"]).body == ServerSite.fixture("id-copy.png"))
        }
    }

    @Test func theAccessLogIsACSVWithAByteOrderMarkAndChineseHeaders() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let reply = try await client.call(.get, "/api/clients/\(fixture.clientA)/access-log.csv", token: site.tokens["ua"])
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/csv") == true)
            #expect(Array(reply.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(reply.text.contains("时间,门岗,方向,结果"))
            let other = try await client.call(.get, "/api/clients/\(fixture.clientA)/access-log", token: site.tokens["ub"])
            #expect(other.status == 403 && other.clause == "R3.client")
        }
    }
}
