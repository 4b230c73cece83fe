import Foundation
import Testing

@testable import ColopassCore

/// C1: a photo, ID copy or letter a client supplies is used only once the desk approves it.
@Suite("Documents a client supplies wait for the desk (C1)")
struct DocumentReviewTests {
    /// The client's administrator: who adds the client's people.
    func clientUser(_ site: TestSite, _ clientId: Int64) throws -> Actor {
        let user = try site.account("yunzhan", .clientUser, client: clientId)
        _ = try site.core.accounts.setClientAdmin("yunzhan", granted: true, by: site.admin)
        return user
    }

    @Test func aClientUserWhoIsNotItsAdministratorCannotAddAPersonR1Role() throws {
        let site = try TestSite()
        let company = try site.company()
        let plain = try site.account("yz-plain", .clientUser, client: company.client.id)
        let before = try site.count("person")
        #expect(
            site.refusalClause {
                _ = try site.core.registry.addPerson(
                    NewPerson(
                        clientId: company.client.id, name: "李娜", idType: "resident_id", idNumber: "110105198503121234",
                        phone: "13800000001"), by: plain)
            } == "R1.role")
        #expect(try site.count("person") == before)
    }

    @Test func aPersonAClientAddsHasNoDocumentsUntilTheDeskApprovesThem_C1() throws {
        // given: a company and its user, who adds a person with all three documents
        let site = try TestSite()
        let company = try site.company()
        let user = try clientUser(site, company.client.id)
        let view = try site.core.registry.addPerson(
            NewPerson(
                clientId: company.client.id, name: "李娜", idType: "resident_id", idNumber: "110105198503121234",
                phone: "13800000001", photoPath: TestSite.fixtures + "/photo.png",
                idCopyPath: TestSite.fixtures + "/id-copy.png", letterPath: TestSite.fixtures + "/letter.pdf"),
            by: user)
        // then: nothing is on file yet, three reviews wait, and no card can be issued
        #expect(view.person.photo == nil && view.person.idCopy == nil && view.person.letter == nil)
        let pending = try site.core.registry.documentReviews(by: site.service)
        #expect(Set(pending.map(\.review.kind)) == [.photo, .idCopy, .letter])
        #expect(refusal(coreError { try site.core.cards.issueCard(personId: view.person.id, by: site.service) })?.clause.code == "C1.photo")
        // when: the desk approves all three
        for review in pending { _ = try site.core.registry.approveDocument(review.review.id, by: site.service) }
        // then: the card is issued, and each approval is in the audit log
        _ = try site.core.cards.issueCard(personId: view.person.id, by: site.service)
        #expect(try site.auditTrail().filter { $0.action == "document.approve" }.count == 3)
        #expect(try site.core.registry.documentReviews(by: site.service).isEmpty)
    }

    @Test func aRefusedPhotoLeavesTheApprovedOneAndSaysWhy_C1() throws {
        // given: a person with approved documents, and a new photo from the client
        let site = try TestSite()
        let company = try site.company()
        let person = try site.person(of: company.client.id)
        let user = try clientUser(site, company.client.id)
        let unchanged = try site.core.registry.attachDocuments(
            personId: person.id, photoPath: TestSite.fixtures + "/id-copy.png", idCopyPath: nil, letterPath: nil, by: user)
        #expect(unchanged.photo == person.photo)
        let review = try #require(try site.core.registry.documentReviews(by: site.service).first)
        // when: the desk refuses it
        let refused = try site.core.registry.refuseDocument(review.review.id, reason: "照片不清晰", by: site.service)
        // then: the approved photo stays, the client sees the reason, the refusal is audited
        #expect(refused.review.status == .refused && refused.review.reason == "照片不清晰")
        #expect(try site.core.registry.person(person.id, by: site.service).person.photo == person.photo)
        #expect(try site.core.registry.documentReviews(status: nil, by: user).first?.review.reason == "照片不清晰")
        #expect(try site.lastAudit().action == "document.refuse")
        // and a decided review is not decided again
        #expect(refusal(coreError { try site.core.registry.approveDocument(review.review.id, by: site.service) })?.clause.code == "D1.status")
    }

    @Test func aNewerDocumentSupersedesTheOneStillWaiting_C1() throws {
        let site = try TestSite()
        let company = try site.company()
        let person = try site.person(of: company.client.id)
        let user = try clientUser(site, company.client.id)
        for file in ["id-copy.png", "photo.png"] {
            _ = try site.core.registry.attachDocuments(
                personId: person.id, photoPath: TestSite.fixtures + "/" + file, idCopyPath: nil, letterPath: nil, by: user)
        }
        let all = try site.core.registry.documentReviews(status: nil, by: site.service)
        #expect(all.map(\.review.status) == [.superseded, .pending])
    }

    @Test func onlyCustomerServiceDecides_C1() throws {
        let site = try TestSite()
        let company = try site.company()
        let person = try site.person(of: company.client.id)
        let user = try clientUser(site, company.client.id)
        _ = try site.core.registry.attachDocuments(
            personId: person.id, photoPath: TestSite.fixtures + "/id-copy.png", idCopyPath: nil, letterPath: nil, by: user)
        let review = try #require(try site.core.registry.documentReviews(by: site.service).first)
        #expect(refusal(coreError { try site.core.registry.approveDocument(review.review.id, by: user) })?.clause.code == "R1.role")
        #expect(refusal(coreError { try site.core.registry.approveDocument(review.review.id, by: site.supervisor) })?.clause.code == "R1.role")
    }

    @Test func aClientSeesOnlyItsOwnReviews_R3() throws {
        let site = try TestSite()
        let a = try site.company()
        let b = try site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let person = try site.person(of: a.client.id)
        let userA = try clientUser(site, a.client.id)
        let userB = try site.account("shuqiao", .clientUser, client: b.client.id)
        _ = try site.core.registry.attachDocuments(
            personId: person.id, photoPath: TestSite.fixtures + "/id-copy.png", idCopyPath: nil, letterPath: nil, by: userA)
        #expect(try site.core.registry.documentReviews(by: userB).isEmpty)
        let id = try #require(try site.core.registry.documentReviews(by: userA).first).review.id
        #expect(refusal(coreError { try site.core.registry.documentUnderReview(id, by: userB) })?.clause.code == "R3.client")
    }
}
