import ColopassCore
import ColopassServer
import Foundation
import GRDB
import HummingbirdTesting
import Testing

/// The desk's jobs in the browser, on the core's rules: registration, contracts, people with
/// their documents, the card's life, decisions beside their evidence (each view audited), the
/// supervisors' emergencies, and every page escaping what people typed.
@Suite("Web console: the desk's jobs and their evidence")
struct WebDeskTests {
    let web = WebConsoleTests()

    func audited(_ site: ServerSite, _ action: String) throws -> Int {
        try site.core.store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_record WHERE action = ? AND outcome = 'done'", arguments: [action]) ?? 0
        }
    }

    @Test func C1_C9_theClerkRegistersACompanyAContractAndAPersonWithDocumentsThenIssuesAndTerminates() async throws {
        let site = try ServerSite()
        _ = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await web.signIn(client, "kefu")
            // a bad credit code: the form again, the field by its label, what was typed kept
            let bad = try await client.call(
                .post, "/web/clients", form: ["csrf": csrf, "kind": "company", "name": "深圳星河数据有限公司", "credit_code": "123"],
                headers: cookie)
            #expect(bad.status == 400 && bad.text.contains("统一社会信用代码") && bad.text.contains("value=\"深圳星河数据有限公司\""), "\(bad.text)")
            let added = try await client.call(
                .post, "/web/clients",
                form: ["csrf": csrf, "kind": "company", "name": "深圳星河数据有限公司", "credit_code": "91440300MA5FABCD1Q"], headers: cookie)
            #expect(added.status == 303)
            let clientPage = try #require(added.headers["location"])
            let id = try #require(clientPage.split(separator: "/").last.flatMap { Int64($0.split(separator: "?")[0]) })
            #expect(try await client.call(.get, "/web/clients/\(id)/contracts/new", headers: cookie).status == 200)
            let contract = try await client.call(
                .post, "/web/clients/\(id)/contracts",
                form: ["csrf": csrf, "number": "HT-XH", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "racks": "B01, B02", "server_quota": "4"],
                headers: cookie)
            #expect(contract.status == 303)
            #expect(try await client.call(.post, "/web/contracts/HT-XH/activate", form: ["csrf": csrf], headers: cookie).status == 303)
            let person = try await client.call(
                .post, "/web/clients/\(id)/people",
                form: [
                    "csrf": csrf, "name": "周九", "id_number": "110101199003077897", "phone": "13800138000",
                    "photo": ServerSite.fixture("photo.png"), "id_copy": ServerSite.fixture("id-copy.png"),
                    "letter": ServerSite.fixture("letter.pdf"),
                ], headers: cookie)
            #expect(person.status == 303, "\(person.text)")
            let page = try await client.call(.get, "/web/clients/\(id)", headers: cookie)
            #expect(page.text.contains("周九") && page.text.contains("data-status=\"active\"") && page.text.contains("已生效") == false)
            let personId = try #require(site.core.registry.people(clientId: id, by: site.actor("kefu")).first?.person.id)
            // the photo is served to the desk, the view audited; another client's user is refused
            let before = try audited(site, "document.view")
            let photo = try await client.call(.get, "/web/people/\(personId)/photo", headers: cookie)
            #expect(photo.status == 200 && photo.headers["content-type"] == "image/png" && photo.body.starts(with: [0x89, 0x50]))
            #expect(try audited(site, "document.view") == before + 1)
            #expect(try await client.call(.get, "/web/people/\(personId)/photo", token: site.tokens["ub"]).status == 403)
            // the card, issued from the person's row, which then offers no second one (C3)
            let issued = try await client.call(.post, "/web/cards", form: ["csrf": csrf, "person_id": personId], headers: cookie)
            #expect(issued.status == 303)
            #expect(try await !client.call(.get, "/web/clients/\(id)", headers: cookie).text.contains("name=\"person_id\" value=\"\(personId)\""))
            // terminating asks first, then lists the cards to collect (C9)
            let asked = try await client.call(.post, "/web/contracts/HT-XH/terminate", form: ["csrf": csrf], headers: cookie)
            #expect(asked.status == 200 && asked.text.contains("id=\"confirm\""))
            let ended = try await client.call(.post, "/web/contracts/HT-XH/terminate", form: ["csrf": csrf, "confirm": "yes"], headers: cookie)
            #expect(ended.status == 200 && ended.text.contains("id=\"collect\""), "\(ended.text)")
        }
    }

    @Test func C4_C8_aLostCardIsConfirmedFirstAndReissuedOnlyAgainstTheLossLetter() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await web.signIn(client, "kefu")
            let asked = try await client.call(.post, "/web/cards/\(fixture.cardA)/lost", form: ["csrf": csrf], headers: cookie)
            #expect(asked.status == 200 && asked.text.contains("C4"))
            #expect(try site.core.cards.card(try CardNumber(fixture.cardA), by: site.actor("kefu")).card.status == .active)
            let lost = try await client.call(.post, "/web/cards/\(fixture.cardA)/lost", form: ["csrf": csrf, "confirm": "yes"], headers: cookie)
            #expect(lost.status == 303)
            let card = try await client.call(.get, "/web/cards/\(fixture.cardA)", headers: cookie)
            #expect(card.text.contains("id=\"reissue\"") && card.text.contains("已挂失") && !card.text.contains("id=\"badge\""))
            let without = try await client.call(.post, "/web/cards/\(fixture.cardA)/reissue", form: ["csrf": csrf], headers: cookie)
            #expect(without.status == 409 && without.text.contains("C8.letter"))
            let reissued = try await client.call(
                .post, "/web/cards/\(fixture.cardA)/reissue", form: ["csrf": csrf, "loss_letter": ServerSite.fixture("loss-letter.pdf")],
                headers: cookie)
            #expect(reissued.status == 303)
            #expect(try site.core.cards.card(try CardNumber(fixture.cardA), by: site.actor("kefu")).card.generation == 2)
        }
    }

    @Test func C7_theClerkOpensTheLetterBesideTheRequestAndApprovesOnlyWithEveryItemTicked() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await web.signIn(client, "kefu")
            let page = try await client.call(.get, "/web/visits/\(fixture.visitA)", headers: cookie)
            #expect(page.status == 200 && page.text.contains("/web/visits/\(fixture.visitA)/letter") && page.text.contains("check_seal"))
            #expect(!page.text.contains("110108197910014561"), "ID numbers are masked")
            let before = try audited(site, "document.view")
            let letter = try await client.call(.get, "/web/visits/\(fixture.visitA)/letter", headers: cookie)
            #expect(letter.status == 200 && letter.headers["content-type"] == "application/pdf" && letter.body.starts(with: Array("%PDF".utf8)))
            #expect(try audited(site, "document.view") == before + 1)
            // not for a supervisor, nor for another client's user
            #expect(try await client.call(.get, "/web/visits/\(fixture.visitA)/letter", token: site.tokens["boss"]).status == 403)
            #expect(try await client.call(.get, "/web/visits/\(fixture.visitA)/letter", token: site.tokens["ub"]).status == 403)
            // the seal not ticked: refused by the core, C7.checklist, nothing approved
            let unticked = try await client.call(
                .post, "/web/visits/\(fixture.visitA)/approve",
                form: ["csrf": csrf, "check_reason": "yes", "check_time": "yes", "check_names": "yes", "check_id_numbers": "yes"], headers: cookie)
            #expect(unticked.status == 409 && unticked.text.contains("C7.checklist") && unticked.text.contains("加盖单位公章"))
            #expect(try site.core.passes.visitRequest(fixture.visitA, by: site.actor("kefu")).request.status == .filed)
            let approved = try await client.call(
                .post, "/web/visits/\(fixture.visitA)/approve",
                form: ["csrf": csrf, "check_reason": "yes", "check_time": "yes", "check_names": "yes", "check_id_numbers": "yes", "check_seal": "yes"],
                headers: cookie)
            #expect(approved.status == 303)
            let passes = try await client.call(.get, "/web/visits/\(fixture.visitA)/passes", headers: cookie)
            #expect(passes.status == 200 && passes.text.contains("size:105mm 148mm") && passes.text.contains("保安签字") && passes.text.contains("kefu"))
        }
    }

    @Test func C6_aSupervisorApprovesAnEmergencyAndASecondOneReviewsIt() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        try await site.app().test(.router) { client in
            let (boss, csrf) = try await web.signIn(client, "boss")
            let approved = try await client.call(
                .post, "/web/emergencies",
                form: ["csrf": csrf, "client_id": fixture.clientA, "reason": "电源故障", "hours": "2", "visitor_name": "孙八", "visitor_id": "110105198503121234"],
                headers: boss)
            #expect(approved.status == 303)
            let passes = try await client.call(.get, try #require(approved.headers["location"]), headers: boss)
            #expect(passes.status == 200 && passes.text.contains("<svg"))
            // the approver is offered no review of their own approval
            let list = try await client.call(.get, "/web/emergencies", headers: boss)
            #expect(!list.text.contains("/web/emergencies/\(fixture.emergencyA)/review"))
            let (boss2, csrf2) = try await web.signIn(client, "boss2")
            let offered = try await client.call(.get, "/web/emergencies", headers: boss2)
            #expect(offered.text.contains("/web/emergencies/\(fixture.emergencyA)/review"))
            let reviewed = try await client.call(
                .post, "/web/emergencies/\(fixture.emergencyA)/review", form: ["csrf": csrf2, "note": "已电话核实"], headers: boss2)
            #expect(reviewed.status == 303)
            // the dashboard's count of emergencies awaiting review links to its list
            let home = try await client.call(.get, "/web/", headers: boss2)
            #expect(home.text.contains("id=\"count-emergencies-to-review\""))
        }
    }

    @Test func everyPageShowsWhatPeopleTypedEscaped() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let hostile = "<script>alert(1)</script> \"O'Brien\" & Co"
        let id = try site.company(hostile, "91440300MA5FABCD1Q", "HT-X")
        let person = try site.person(id, hostile, "110101199003077897")
        _ = try site.core.cards.issueCard(personId: person, by: site.actor("kefu"))
        _ = try site.core.accounts.addAccount(name: "evil", displayName: hostile, role: .guard, by: .system)
        let letter = site.directory + "/letter-x.pdf"
        FileManager.default.createFile(atPath: letter, contents: ServerSite.fixture("letter.pdf"))
        let visit = try site.core.passes.fileVisitRequest(
            NewVisitRequest(
                clientId: fixture.clientA, reason: hostile, windowStart: site.now.addingTimeInterval(6 * 3600),
                windowEnd: site.now.addingTimeInterval(9 * 3600), visitors: [NewVisitor(name: "赵六", idNumber: "110108197910014561")],
                letterPath: letter), by: site.actor("ua"))
        let card = try #require(site.core.cards.cards(clientId: id, by: site.actor("kefu")).first?.card.number)
        try await site.app().test(.router) { client in
            let (cookie, _) = try await web.signIn(client, "kefu")
            let (admin, _) = try await web.signIn(client, "admin")
            let (user, _) = try await web.signIn(client, "ua")
            for (path, who) in [
                ("/web/clients", cookie), ("/web/clients/\(id)", cookie), ("/web/cards", cookie), ("/web/cards/\(card)", cookie),
                ("/web/visits", cookie), ("/web/visits/\(visit.request.id)", cookie), ("/web/accounts", admin), ("/web/portal", user),
                ("/web/clients?q=\(hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", cookie),
            ] {
                let page = try await client.call(.get, path, headers: who)
                #expect(page.status == 200, "\(path)")
                #expect(!page.text.contains("<script>alert(1)</script>"), "\(path) shows the script unescaped")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path) does not show the name")
                #expect(!page.text.contains("\"O'Brien\""), "\(path) shows quotes unescaped")
            }
        }
    }
}
