import Foundation
import Testing

/// The review queue and the notifications through the built `colopass` binary, on the demo
/// site: a client's new photo waits for the desk (C1), only customer service decides it; a
/// client's administrator subscribes, and the card the desk issues is a delivery it can follow.
@Suite struct ClientSideCLITests {
    static let fixtures = CLISandbox.repositoryRoot + "/Tests/ColopassCoreTests/Fixtures"

    @Test func theDeskWorksTheDocumentReviewQueue() throws {
        // given: the demo site; its client's user sends a new photo of 李娜 (person 1)
        let cli = try CLISandbox()
        #expect(try cli.run(["init", "--demo"]).status == 0)
        let sent = try cli.run(["person", "attach", "1", "--photo", Self.fixtures + "/id-copy.png"], as: "yunzhan")
        #expect(sent.status == 0, "\(sent)")

        // when: customer service lists the queue
        let listed = try cli.run(["documents", "review", "list"], as: "kefu")
        // then: the photo waits, named by person and kind
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.stdout.contains("李娜 (#1)") && listed.stdout.contains("照片/photo") && listed.stdout.contains("pending"), "\(listed)")
        let json = try cli.run(["documents", "review", "list", "--json"], as: "kefu")
        let reviews = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let id = try #require((reviews.first?["review"] as? [String: Any])?["id"] as? Int)

        // the client decides nothing about its own documents: refused by role, exit 3
        let byClient = try cli.run(["documents", "review", "approve", String(id)], as: "yunzhan")
        #expect(byClient.status == 3 && byClient.stderr.contains("[R1.role]"), "\(byClient)")
        // a refusal needs its reason (exit 2), then customer service refuses with one
        #expect(try cli.run(["documents", "review", "reject", String(id)], as: "kefu").status == 2)
        let refused = try cli.run(["documents", "review", "reject", String(id), "--reason", "照片不清晰"], as: "kefu")
        #expect(refused.status == 0 && refused.stdout.contains("已驳回 / refused: \(id)"), "\(refused)")
        // the queue is empty, and the refusal is on record
        let left = try cli.run(["documents", "review", "list", "--json"], as: "kefu")
        #expect((try JSONSerialization.jsonObject(with: Data(left.stdout.utf8)) as? [Any])?.isEmpty == true, "\(left)")
        let decided = try cli.run(["documents", "review", "list", "--status", "refused"], as: "kefu")
        #expect(decided.stdout.contains("refused") && decided.stdout.contains("李娜"), "\(decided)")
        // an unknown review is not found (exit 4), an unknown status is bad input (exit 2)
        #expect(try cli.run(["documents", "review", "approve", "999"], as: "kefu").status == 4)
        #expect(try cli.run(["documents", "review", "list", "--status", "maybe"], as: "kefu").status == 2)
    }

    @Test func aClientsAdministratorFollowsItsDeliveries() throws {
        // given: the demo site; its client's administrator subscribes to issued cards
        let cli = try CLISandbox()
        #expect(try cli.run(["init", "--demo"]).status == 0)
        let subscribed = try cli.run(
            ["notifications", "subscribe", "--client", "1", "--channel", "email", "--target", "ops@yunzhan.example", "--event", "card.issued"],
            as: "yunzhan")
        #expect(subscribed.status == 0 && subscribed.stdout.contains("ops@yunzhan.example"), "\(subscribed)")
        let listed = try cli.run(["notifications", "subscriptions", "--client", "1"], as: "yunzhan")
        #expect(listed.stdout.contains("card.issued") && listed.stdout.contains("email"), "\(listed)")

        // when: the desk issues a card to 李娜
        #expect(try cli.run(["card", "issue", "--person", "1"], as: "kefu").status == 0)

        // then: one delivery waits for the client's mailbox (nothing sends it without serve)
        let deliveries = try cli.run(["notifications", "deliveries", "--client", "1", "--json"], as: "yunzhan")
        #expect(deliveries.status == 0, "\(deliveries)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(deliveries.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["type"] as? String == "card.issued" && rows.first?["target"] as? String == "ops@yunzhan.example")
        #expect((rows.first?["delivery"] as? [String: Any])?["status"] as? String == "pending")
        let table = try cli.run(["notifications", "deliveries", "--client", "1", "--status", "pending"], as: "yunzhan")
        #expect(table.stdout.contains("card.issued") && table.stdout.contains("pending"), "\(table)")

        // another client's deliveries and the site's are not the client's: refused, exit 3
        let other = try cli.run(["notifications", "deliveries", "--client", "2"], as: "yunzhan")
        #expect(other.status == 3 && other.stderr.contains("[R3.client]"), "\(other)")
        #expect(try cli.run(["notifications", "deliveries"], as: "yunzhan").status == 3)
        // the admin sees every delivery
        let all = try cli.run(["notifications", "deliveries"], as: "admin")
        #expect(all.status == 0 && all.stdout.contains("ops@yunzhan.example"), "\(all)")
    }
}
