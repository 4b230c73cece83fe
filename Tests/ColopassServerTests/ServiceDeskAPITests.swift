import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The service desk over HTTP: a client files and follows its own tickets and reads its fault's
/// analysis report; another client sees none of it (R3); refusals carry their clause (K1, K2).
@Suite("API: service desk tickets, tenants and refusals")
struct ServiceDeskAPITests {
    @Test func aClientUserCannotSeeAnotherClientsTicketsR3() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let complaint = try site.complaintA(f)
        let fault = try site.faultA(f)
        try site.writeAnalysis(fault)
        try await site.app().test(.router) { client in
            let (ua, ub) = (site.tokens["ua"], site.tokens["ub"])
            // client A sees its tickets and its fault's analysis report
            let listA = try await client.call(.get, "/api/tickets", token: ua)
            #expect(Set(listA.array.compactMap { ($0["ticket"] as? [String: Any])?["id"] as? Int }) == [Int(complaint), Int(fault)])
            #expect(try await client.call(.get, "/api/tickets/\(fault)/analysis", token: ua).text.contains("跳闸"))
            // client B sees none of them, whatever it asks for
            #expect(try await client.call(.get, "/api/tickets", token: ub).array.isEmpty)
            #expect(try await client.call(.get, "/api/tickets?client=\(f.clientA)", token: ub).array.isEmpty)
            for uri in ["/api/tickets/\(complaint)", "/api/tickets/\(fault)/analysis", "/api/account-managers/\(f.clientA)"] {
                let reply = try await client.call(.get, uri, token: ub)
                #expect(reply.status == 403 && reply.clause == "R3.client", "\(uri): \(reply.status) \(reply.text)")
            }
            let log = try await client.call(.post, "/api/tickets/\(complaint)/log", token: ub, json: ["words": "x"])
            #expect(log.status == 403 && log.clause == "R3.client")
            // B files its own, through the portal, and follows it
            let filed = try await client.call(
                .post, "/api/tickets", token: ub,
                json: ["client_id": f.clientB, "kind": "complaint", "channel": "phone", "subject": "网络慢", "words": "丢包严重"])
            #expect(filed.status == 201)
            #expect((filed.object["ticket"] as? [String: Any])?["channel"] as? String == "portal")
            #expect(try await client.call(.get, "/api/tickets", token: ub).array.count == 1)
        }
    }

    @Test func refusalsCarryTheirClauseK1K2() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let complaint = try site.complaintA(f)
        try await site.app().test(.router) { client in
            let cs = site.tokens["kefu"]
            let noSolution = try await client.call(.post, "/api/tickets/\(complaint)/reply", token: cs, json: ["text": "收到"])
            #expect(noSolution.status == 409 && noSolution.clause == "K2.solution")
            let noReason = try await client.call(.post, "/api/tickets/\(complaint)/transfer", token: cs, json: ["to": "kefu2"])
            #expect(noReason.status == 409 && noReason.clause == "K1.reason")
            let notOwner = try await client.call(
                .post, "/api/tickets/\(complaint)/resolve", token: site.tokens["kefu2"], json: ["resolution": "x"])
            #expect(notOwner.status == 409 && notOwner.clause == "K1.owner")
            let badKind = try await client.call(
                .post, "/api/tickets", token: cs, json: ["client_id": f.clientA, "kind": "praise", "subject": "x", "words": "y"])
            #expect(badKind.status == 400 && badKind.field == "kind")
            let csv = try await client.call(.get, "/api/reports/service?month=2026-06&format=csv", token: site.tokens["boss"])
            #expect(csv.status == 200 && csv.body.starts(with: [0xEF, 0xBB, 0xBF]) && csv.text.contains("受理"))
        }
    }

    @Test func theDeskPutsOverdueTicketsFirstAndThePortalFilesATicketK1K2() async throws {
        let site = try ServerSite()
        let f = try site.populate()
        let late = try site.complaintA(f)
        site.advance(minutes: 25 * 60)
        try site.renewSessions()
        let fresh = try site.complaintA(f)
        try await site.app().test(.router) { client in
            let desk = try await client.call(.get, "/web/desk", token: site.tokens["kefu"])
            #expect(desk.status == 200)
            let first = try #require(desk.text.range(of: "/web/tickets/\(late)\""))
            let second = try #require(desk.text.range(of: "/web/tickets/\(fresh)\""))
            #expect(first.lowerBound < second.lowerBound)
            #expect(desk.text.contains("答复逾期"))
            let filed = try await client.call(
                .post, "/web/portal/tickets", token: site.tokens["ua"],
                form: ["client_id": f.clientA, "kind": "fault", "subject": "断网", "words": "全部断网", "fault_at": "2026-06-16 09:00",
                       "fault_place": "A01", "fault_symptom": "交换机不通", "fault_plan": "请尽快排查"])
            #expect(filed.status == 303, "\(filed.status) \(filed.text)")
            let portal = try await client.call(.get, "/web/portal/tickets", token: site.tokens["ua"])
            #expect(portal.text.contains("断网") && portal.text.contains("机柜温度过高"))
            #expect(!(try await client.call(.get, "/web/portal/tickets", token: site.tokens["ub"])).text.contains("断网"))
        }
    }
}
