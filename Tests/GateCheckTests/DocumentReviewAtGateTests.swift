import ColopassCore
import Foundation
import GateCheck
import GateKernel
import Testing

/// C1 at the door: a photo a client sends in reaches the gate only once the desk approves it.
@Suite("Documents under review never reach the door (C1)")
struct DocumentReviewAtGateTests {
    @Test func aClientsNewPhotoReachesTheGateOnlyAfterTheDeskApprovesIt_C1() throws {
        // given: a card whose holder's approved photo is on the gate
        let site = try GateSite()
        let card = try #require(try site.cards(1).first)
        try site.installGate()
        let approved = SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: GateSite.fixtures + "/photo.png"))))
        let changed = SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: GateSite.fixtures + "/id-copy.png"))))
        #expect(try site.replica.entry(kind: .accessCard, id: UInt32(card.id))?.photo == approved)
        let clientUser = Actor(
            account: try site.core.accounts.addAccount(
                name: "yunzhan", role: .clientUser, clientId: card.clientId, by: .system))

        // when: the client's user sends a new photo and the gate syncs
        _ = try site.core.registry.attachDocuments(
            personId: card.personId, photoPath: GateSite.fixtures + "/id-copy.png", idCopyPath: nil, letterPath: nil,
            by: clientUser)
        try site.sync()

        // then: the gate still shows the approved photo, and the new one cannot be fetched by a gate
        #expect(try site.replica.entry(kind: .accessCard, id: UInt32(card.id))?.photo == approved)
        #expect(try site.source.photo(changed) == nil)
        let decision = try site.desk().decide(card.credential)
        #expect(decision.photoPath.map { SHA256.hex(Array(FileManager.default.contents(atPath: $0)!)) } == approved)

        // when: the desk approves it
        let review = try #require(try site.core.registry.documentReviews(by: site.service).first)
        #expect(review.review.sha256 == changed && review.current == approved)
        _ = try site.core.registry.approveDocument(review.review.id, by: site.service)
        try site.sync()

        // then: the gate shows the new photo, with its file
        let entry = try #require(try site.replica.entry(kind: .accessCard, id: UInt32(card.id)))
        #expect(entry.photo == changed)
        #expect(FileManager.default.fileExists(atPath: site.replica.photoPath(changed)))
    }
}
