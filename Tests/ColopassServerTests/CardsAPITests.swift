import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Cards over HTTP: issue (C1–C3), lost (C4), reissue (C8), cancel, return (C9), badge files.
@Suite("API: cards and badges")
struct CardsAPITests {
    @Test func issueRefusalsNameTheirClause() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let bare = try site.person(fixture.clientA, "赵六", "110108197910014561", documents: false)
        try await site.app().test(.router) { client in
            let cs = site.tokens["kefu"]
            let noPhoto = try await client.call(.post, "/api/cards", token: cs, json: ["person_id": bare])
            #expect(noPhoto.status == 409 && noPhoto.clause == "C1.photo")
            let secondCard = try await client.call(.post, "/api/cards", token: cs, json: ["person_id": fixture.personA])
            #expect(secondCard.status == 409 && secondCard.clause == "C3.one_card")
            #expect(try await client.call(.post, "/api/cards", token: cs, json: ["person_id": fixture.personA2]).status == 201)
            let third = try await client.call(.post, "/api/cards", token: cs, json: ["person_id": bare])
            #expect(third.clause == "C1.photo" || third.clause == "C1.limit")
            #expect(try await client.call(.post, "/api/cards", token: cs, json: ["person_id": 999]).status == 404)
            #expect(try await client.call(.post, "/api/cards", token: cs, json: ["person_id": "x"]).field == "person_id")
            let asClient = try await client.call(.post, "/api/cards", token: site.tokens["ua"], json: ["person_id": fixture.personA2])
            #expect(asClient.status == 403 && asClient.clause == "C1.role")
        }
    }

    @Test func lostThenReissuedWithTheLetterThenBadgeFiles() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let cs = site.tokens["kefu"]
            let card = "/api/cards/\(fixture.cardA)"
            let notLost = try await client.call(.post, card + "/reissue", token: cs, json: [:])
            #expect(notLost.clause == "C8.not_lost")
            #expect(try await client.call(.post, card + "/lost", token: site.tokens["ua"]).status == 200)
            let twice = try await client.call(.post, card + "/lost", token: site.tokens["ua"])
            #expect(twice.clause == "C4.state")
            let badge = try await client.call(.get, card + "/badge/front.svg", token: cs)
            #expect(badge.status == 409 && badge.clause == "C1.validity")
            let noLetter = try await client.call(.post, card + "/reissue", token: cs, json: [:])
            #expect(noLetter.status == 409 && noLetter.clause == "C8.letter")
            let reissued = try await client.call(
                .post, card + "/reissue", token: cs, json: ["loss_letter": ServerSite.upload("loss-letter.pdf")])
            #expect(reissued.status == 200 && reissued.object["generation"] as? Int == 2)
            for (file, type) in [
                ("front.svg", "image/svg+xml"), ("back.svg", "image/svg+xml"), ("qr.png", "image/png"),
                ("qr.svg", "image/svg+xml"),
            ] {
                let got = try await client.call(.get, card + "/badge/" + file, token: cs)
                #expect(got.status == 200 && got.headers["content-type"] == type, "\(file)")
            }
            #expect(try await client.call(.get, card + "/badge/front.pdf", token: cs).field == "file")
            #expect(try await client.call(.get, "/api/cards/DC1-000001-X", token: cs).field == "card")
        }
    }

    @Test func cancelAndReturn() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let cs = site.tokens["kefu"]
            let card = "/api/cards/\(fixture.cardA)"
            let noReason = try await client.call(.post, card + "/cancel", token: cs, json: ["reason": "  "])
            #expect(noReason.status == 400 && noReason.field == "reason")
            #expect(try await client.call(.post, card + "/cancel", token: cs, json: ["reason": "离职"]).status == 200)
            #expect(try await client.call(.post, card + "/cancel", token: cs, json: ["reason": "again"]).clause == "C5.state")
            #expect(try await client.call(.post, card + "/return", token: cs).object["status"] as? String == "returned")
            #expect(try await client.call(.post, card + "/return", token: cs).clause == "C9.state")
            let view = try await client.call(.get, card, token: site.tokens["ua"])
            #expect(view.object["status"] as? String == "returned")
            #expect(view.object["holder_masked_id"] as? String != nil)
        }
    }
}
