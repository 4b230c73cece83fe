import Foundation
import Testing

@testable import ColopassCore

/// The client's administrator: card requests the desk decides (C1–C3), departures (C5), losses
/// (C4), and who may move equipment (Q5) and host visitors (C7).
@Suite("A client's administrator manages its roster")
struct RosterTests {
    struct Scene {
        let site: TestSite
        let client: Client
        let admin: Actor

        init() throws {
            site = try TestSite()
            client = try site.company().client
            let account = try site.core.accounts.addAccount(name: "yz-admin", role: .clientUser, clientId: client.id, by: .system)
            _ = try site.core.accounts.setClientAdmin("yz-admin", granted: true, by: site.admin)
            admin = Actor(account: account)
        }

        /// A person the administrator adds, with documents the desk then approves.
        func person(_ name: String, _ idNumber: String) throws -> Person {
            let view = try site.core.registry.addPerson(
                NewPerson(
                    clientId: client.id, name: name, idType: "resident_id", idNumber: idNumber, phone: "13800000001",
                    photoPath: TestSite.fixtures + "/photo.png", idCopyPath: TestSite.fixtures + "/id-copy.png",
                    letterPath: TestSite.fixtures + "/letter.pdf"),
                by: admin)
            for review in try site.core.registry.documentReviews(by: site.service) {
                _ = try site.core.registry.approveDocument(review.review.id, by: site.service)
            }
            return try site.core.registry.person(view.person.id, by: site.service).person
        }
    }

    @Test func theDeskApprovesACardRequestByIssuingTheCard_C1() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let request = try scene.site.core.registry.fileCardRequest(personId: person.id, by: scene.admin)
        let (approved, card) = try scene.site.core.registry.approveCardRequest(request.id, by: scene.site.service)
        #expect(approved.status == .approved && approved.cardNumber == card.number)
        #expect(card.personId == person.id && card.status == .active)
    }

    @Test func aCardRequestBeyondTheClientsLimitWaits_C1() throws {
        let scene = try Scene()
        let ids = TestSite.residentIDs
        for (index, id) in ids.prefix(2).enumerated() {
            _ = try scene.site.core.cards.issueCard(personId: try scene.person("员工\(index)", id).id, by: scene.site.service)
        }
        let third = try scene.person("员工3", ids[2])
        let request = try scene.site.core.registry.fileCardRequest(personId: third.id, by: scene.admin)
        #expect(refusal(coreError { try scene.site.core.registry.approveCardRequest(request.id, by: scene.site.service) })?.clause.code == "C1.limit")
        #expect(try scene.site.core.registry.cardRequests(status: .filed, by: scene.admin).map(\.id) == [request.id])
    }

    @Test func aPersonWithACardIsNotAskedForAgain_C3() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        _ = try scene.site.core.cards.issueCard(personId: person.id, by: scene.site.service)
        #expect(refusal(coreError { try scene.site.core.registry.fileCardRequest(personId: person.id, by: scene.admin) })?.clause.code == "C3.one_card")
    }

    @Test func anUndecidedRequestIsWithdrawnAndThenNotDecided() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let request = try scene.site.core.registry.fileCardRequest(personId: person.id, by: scene.admin)
        #expect(try scene.site.core.registry.withdrawCardRequest(request.id, by: scene.admin).status == .withdrawn)
        #expect(refusal(coreError { try scene.site.core.registry.approveCardRequest(request.id, by: scene.site.service) })?.clause.code == "D1.status")
    }

    @Test func theDeskRefusesWithAReason() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let request = try scene.site.core.registry.fileCardRequest(personId: person.id, by: scene.admin)
        let refused = try scene.site.core.registry.refuseCardRequest(request.id, reason: "介绍信过期", by: scene.site.service)
        #expect(refused.status == .refused && refused.reason == "介绍信过期")
    }

    @Test func aPlainClientUserCannotRequestCardsOrGrant_R1() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let plain = try scene.site.account("yz-user", .clientUser, client: scene.client.id)
        #expect(refusal(coreError { try scene.site.core.registry.fileCardRequest(personId: person.id, by: plain) })?.clause.code == "R1.role")
        #expect(refusal(coreError { try scene.site.core.registry.setGrants(personId: person.id, PersonGrants(mayMove: true), by: plain) })?.clause.code == "R1.role")
        // the site withdraws the grant and the administrator is refused at once
        _ = try scene.site.core.accounts.setClientAdmin("yz-admin", granted: false, by: scene.site.admin)
        #expect(refusal(coreError { try scene.site.core.registry.fileCardRequest(personId: person.id, by: scene.admin) })?.clause.code == "R1.role")
    }

    @Test func anotherClientsAdministratorCannotTouchTheRoster_R3() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let other = try scene.site.company(name: "上海数桥网络有限公司", creditCode: "91310115MA1K3XY72K", contract: "HT-2")
        let stranger = try scene.site.account("sq-admin", .clientUser, client: other.client.id)
        _ = try scene.site.core.accounts.setClientAdmin("sq-admin", granted: true, by: scene.site.admin)
        #expect(refusal(coreError { try scene.site.core.registry.fileCardRequest(personId: person.id, by: stranger) })?.clause.code == "R3.client")
        #expect(refusal(coreError { try scene.site.core.registry.setGrants(personId: person.id, PersonGrants(mayHost: true), by: stranger) })?.clause.code == "R3.client")
        #expect(try scene.site.core.registry.cardRequests(by: stranger).isEmpty)
    }

    @Test func grantsAreKeptPerPersonAndAudited_Q5_C7() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let granted = try scene.site.core.registry.setGrants(personId: person.id, PersonGrants(mayMove: true), by: scene.admin)
        #expect(granted.mayMove && !granted.mayHost)
        let both = try scene.site.core.registry.setGrants(personId: person.id, PersonGrants(mayHost: true), by: scene.admin)
        #expect(both.mayMove && both.mayHost)
        #expect(try scene.site.core.registry.person(person.id, by: scene.admin).person.mayHost)
        #expect(try scene.site.lastAudit().action == "person.grants")
    }

    @Test func aDepartureReportedByTheAdministratorCancelsTheCardAtOnce_C5() throws {
        let scene = try Scene()
        let person = try scene.person("李娜", "110105198503121234")
        let card = try scene.site.core.cards.issueCard(personId: person.id, by: scene.site.service)
        let departed = try scene.site.core.registry.departPerson(person.id, by: scene.admin)
        #expect(departed.cancelledCards == [card.number])
        let lostCandidate = try scene.person("王强", "310115199007042347")
        let second = try scene.site.core.cards.issueCard(personId: lostCandidate.id, by: scene.site.service)
        #expect(try scene.site.core.cards.reportCardLost(try CardNumber(second.number), by: scene.admin).status == .lost)
    }
}
