import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Clients, contracts and people over HTTP: each refusal with its clause, each bad field named.
@Suite("API: clients, contracts, people")
struct RegistryAPITests {
    @Test func aCompanyAContractAndAPersonWithUploadedDocuments() async throws {
        let site = try ServerSite()
        let cs = site.tokens["kefu"]
        try await site.app().test(.router) { client in
            // a client
            let added = try await client.call(
                .post, "/api/clients", token: cs,
                json: [
                    "kind": "company", "name": "北京云栈科技有限公司", "credit_code": "91110108MA01ABCD1E",
                    "contacts": [["name": "李娜", "phone": "13800000001"]],
                ])
            #expect(added.status == 201)
            let id = try #require(added.object["id"] as? Int)
            let again = try await client.call(
                .post, "/api/clients", token: cs,
                json: ["kind": "company", "name": "重复", "credit_code": "91110108MA01ABCD1E"])
            #expect(again.status == 409 && again.clause == "D1.unique")
            let badCode = try await client.call(
                .post, "/api/clients", token: cs, json: ["kind": "company", "name": "X", "credit_code": "91110108MA01ABCD1F"])
            #expect(badCode.status == 400 && badCode.field == "credit_code")
            let badKind = try await client.call(.post, "/api/clients", token: cs, json: ["kind": "club", "name": "X"])
            #expect(badKind.status == 400 && badKind.field == "kind")
            let detail = try await client.call(.get, "/api/clients/\(id)", token: cs)
            #expect((detail.object["contacts"] as? [[String: Any]])?.first?["phone"] as? String == "13800000001")
            #expect(try await client.call(.get, "/api/clients/99", token: cs).status == 404)
            #expect(try await client.call(.get, "/api/clients/abc", token: cs).field == "id")

            // a contract: draft, then active; a term that ends before it starts is refused
            let contract: [String: Any] = [
                "number": "HT-1", "client_id": id, "starts_on": "2026-01-01", "ends_on": "2026-12-31",
                "racks": ["A01"], "server_quota": 2,
            ]
            #expect(try await client.call(.post, "/api/contracts", token: cs, json: contract).status == 201)
            var backwards = contract
            backwards["number"] = "HT-2"
            backwards["ends_on"] = "2025-12-31"
            #expect(try await client.call(.post, "/api/contracts", token: cs, json: backwards).clause == "D1.term")
            var badDay = contract
            badDay["starts_on"] = "2026-13-01"
            #expect(try await client.call(.post, "/api/contracts", token: cs, json: badDay).field == "starts_on")
            var missing = contract
            missing["server_quota"] = nil
            #expect(try await client.call(.post, "/api/contracts", token: cs, json: missing).field == "server_quota")
            #expect(try await client.call(.post, "/api/contracts/HT-1/activate", token: cs).status == 200)
            let twice = try await client.call(.post, "/api/contracts/HT-1/activate", token: cs)
            #expect(twice.status == 409 && twice.clause == "D1.status")
            #expect(try await client.call(.get, "/api/contracts/HT-404", token: cs).status == 404)

            // a person with three uploads, the ID number masked in every answer
            let person = try await client.call(
                .post, "/api/people", token: cs,
                json: [
                    "client_id": id, "name": "李娜", "id_number": "110105198503121234", "phone": "13800000001",
                    "photo": ServerSite.upload("photo.png"), "id_copy": ServerSite.upload("id-copy.png"),
                    "letter": ServerSite.upload("letter.pdf"),
                ])
            #expect(person.status == 201)
            #expect(!person.text.contains("110105198503121234"))
            #expect(person.object["client_has_contract_in_force"] as? Bool == true)
            let personId = try #require((person.object["person"] as? [String: Any])?["id"] as? Int)
            let photo = try await client.call(.get, "/api/people/\(personId)/photo", token: cs)
            #expect(photo.status == 200 && photo.headers["content-type"] == "image/png")
            #expect(photo.body == ServerSite.fixture("photo.png"))
            let list = try await client.call(.get, "/api/clients/\(id)/people", token: cs)
            #expect(list.array.count == 1 && !list.text.contains("110105198503121234"))
            let duplicate = try await client.call(
                .post, "/api/people", token: cs,
                json: ["client_id": id, "name": "李娜", "id_number": "110105198503121234", "phone": "13800000001"])
            #expect(duplicate.clause == "D1.unique")
            let badID = try await client.call(
                .post, "/api/people", token: cs,
                json: ["client_id": id, "name": "李娜", "id_number": "110105198503121235", "phone": "13800000001"])
            #expect(badID.status == 400 && badID.field == "id_number")
        }
    }

    @Test func uploadsAreLimitedInTypeAndSize() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let uri = "/api/people/\(fixture.personA)/documents"
            let text = try await client.call(
                .post, uri, token: site.tokens["kefu"], json: ["photo": ServerSite.upload("not-an-image.txt")])
            #expect(text.status == 400 && text.field == "photo")
            let notBase64 = try await client.call(
                .post, uri, token: site.tokens["kefu"], json: ["letter": ["base64": "***"]])
            #expect(notBase64.status == 400 && notBase64.field == "letter")
            let limit = site.core.policy.parameters.uploadMaxBytes
            var big = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            big.append(Data(count: limit))
            let tooBig = try await client.call(
                .post, uri, token: site.tokens["kefu"], json: ["photo": ["base64": big.base64EncodedString()]])
            #expect(tooBig.status == 400 && tooBig.field == "photo")
            // a body far past any upload is cut off before it is read
            let huge = String(repeating: "A", count: limit * 5)
            let rejected = try await client.call(
                .post, uri, token: site.tokens["kefu"], raw: "{\"photo\":{\"base64\":\"\(huge)\"}}")
            #expect(rejected.status == 413)
            // nothing left behind in the upload folder
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.core.dataDirectory + "/uploads")
            #expect(leftovers.isEmpty)
        }
    }

    @Test func departureAndTerminationCancelCardsAndSayWhichToCollect() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let departed = try await client.call(.post, "/api/people/\(fixture.personA)/depart", token: site.tokens["ua"])
            #expect(departed.status == 200)
            #expect(departed.object["cancelled_cards"] as? [String] == [fixture.cardA])
            let twice = try await client.call(.post, "/api/people/\(fixture.personA)/depart", token: site.tokens["ua"])
            #expect(twice.status == 409 && twice.clause == "C5.departed")
            let ended = try await client.call(.post, "/api/contracts/HT-B/terminate", token: site.tokens["kefu"])
            #expect(ended.object["cancelled_cards"] as? [String] == [fixture.cardB])
            #expect(ended.object["cards_to_collect"] as? [String] == [fixture.cardB])
        }
    }
}
