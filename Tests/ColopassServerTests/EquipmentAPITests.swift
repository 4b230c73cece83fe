import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// Equipment in and out over HTTP (Q1–Q5): each refusal names its clause, bad fields are named.
@Suite("API: work orders, inventory, removals, exit slips")
struct EquipmentAPITests {
    @Test func workOrderRefusalsAndBadInput() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let equipment = try site.equipment(fixture)
        try await site.app().test(.router) { client in
            let (ua, cs, boss) = (site.tokens["ua"], site.tokens["kefu"], site.tokens["boss"])
            let late = try await client.call(
                .post, "/api/work-orders", token: ua,
                json: ["contract": "HT-A3", "planned_at": RouteSamples.iso(site.now.addingTimeInterval(2 * 3600))])
            #expect(late.status == 201)
            let lateNumber = try #require(late.object["number"] as? String)
            _ = try await client.call(
                .post, "/api/work-orders/\(lateNumber)/items", token: ua,
                json: ["kind": "server", "brand": "Dell", "model": "R750", "serial": "SN-L1", "rack": "A01", "u_position": 40])
            let issued = try await client.call(.post, "/api/work-orders/\(lateNumber)/issue", token: ua)
            #expect(issued.status == 409 && issued.clause == "Q1.lead_time")
            let item: [String: Any] = ["kind": "server", "brand": "Dell", "model": "R750", "serial": "SN-X", "rack": "Z99", "u_position": 2]
            let rack = try await client.call(.post, "/api/work-orders/\(equipment.draft)/items", token: ua, json: item)
            #expect(rack.status == 409 && rack.clause == "Q1.rack")
            let kind = try await client.call(
                .post, "/api/work-orders/\(equipment.draft)/items", token: ua, json: item.merging(["kind": "toaster"]) { $1 })
            #expect(kind.status == 400 && kind.field == "kind")
            let unit = try await client.call(
                .post, "/api/work-orders/\(equipment.draft)/items", token: ua, json: item.merging(["u_position": "x"]) { $1 })
            #expect(unit.status == 400 && unit.field == "u_position")
            // acceptance: not by who filed it; a serial not on the order is refused and recorded
            let own = try await client.call(.post, "/api/work-orders/\(equipment.issued)/accept", token: cs, json: ["serial": "SN-A3"])
            #expect(own.status == 403 && own.clause == "R2.self")
            let stranger = try await client.call(
                .post, "/api/work-orders/\(equipment.issued)/accept", token: boss, json: ["serial": "SN-ZZZ"])
            #expect(stranger.status == 409 && stranger.clause == "Q2.not_on_order")
            let order = try await client.call(.get, "/api/work-orders/\(equipment.issued)", token: ua)
            #expect((order.object["refused_arrivals"] as? [Any])?.count == 1)
            let twice = try await client.call(
                .post, "/api/work-orders/\(equipment.issued)/accept", token: boss, json: ["serial": "SN-A1"])
            #expect(twice.status == 409)
            let nothing = try await client.call(.post, "/api/work-orders/\(equipment.issued)/accept", token: boss, json: [:])
            #expect(nothing.status == 400 && nothing.field == "serial")
            #expect(try await client.call(.get, "/api/work-orders/WO-999999", token: ua).status != 200)
            // addresses: the contract allows two, the third is refused
            #expect(try await client.call(.post, "/api/inventory/\(equipment.item)/ip", token: site.tokens["admin"]).status == 200)
            let third = try await client.call(.post, "/api/inventory/\(equipment.item)/ip", token: site.tokens["admin"])
            #expect(third.status == 409 && third.clause == "Q3.allowance")
            let pool = try await client.call(.post, "/api/ip-pools", token: site.tokens["admin"], json: ["cidr": "10.0.0.0/33"])
            #expect(pool.status == 400 && pool.field == "cidr")
        }
    }

    @Test func aRepairIsCheckedApprovedAndItsSlipUsedOnce() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let equipment = try site.equipment(fixture)
        try await site.app().test(.router) { client in
            let (ua, cs, guardToken) = (site.tokens["ua"], site.tokens["kefu"], site.tokens["gate1"])
            let removal = "/api/removals/\(equipment.removal)"
            let again = try await client.call(
                .post, "/api/removals", token: ua,
                json: [
                    "kind": "repair", "client_id": fixture.clientA, "items": [equipment.item],
                    "removal_date": site.core.today.description, "company_name": "北京云栈科技有限公司",
                    "movers": [["name": "搬运工", "id_number": "110108197910014561", "id_copy": ServerSite.upload("id-copy.png")]],
                    "application_scan": ServerSite.upload("letter.pdf"),
                ])
            #expect(again.status == 409 && again.clause == "Q5.already_requested")
            let unchecked = try await client.call(.post, removal + "/approve", token: cs)
            #expect(unchecked.status == 409 && unchecked.clause == "Q5.unchecked")
            let mismatch = try await client.call(.post, removal + "/check", token: cs, json: ["serials": ["SN-A2"]])
            #expect(mismatch.status == 409 && mismatch.clause == "Q5.mismatch")
            #expect(try await client.call(.post, removal + "/check", token: cs, json: ["serials": ["SN-A1"]]).status == 200)
            let approved = try await client.call(.post, removal + "/approve", token: cs)
            let slip = try #require(approved.object["exit_slip"] as? [String: Any])
            let credential = try #require(slip["credential"] as? String)
            let printed = try await client.call(.get, "/api/exit-slips/\(slip["number"] as! String)/slip", token: cs)
            #expect(printed.object["svg"] as? String != nil)
            #expect(try await client.call(.post, "/api/exit-slips/use", token: guardToken, json: ["scanned": credential]).status == 200)
            let reused = try await client.call(.post, "/api/exit-slips/use", token: guardToken, json: ["scanned": credential])
            #expect(reused.status == 409 && reused.clause == "Q5.used")
            let garbage = try await client.call(.post, "/api/exit-slips/use", token: guardToken, json: ["scanned": "???"])
            #expect(garbage.status == 400)
            // back from repair
            let back = try await client.call(.post, removal + "/return", token: site.tokens["boss"], json: ["items": [equipment.item]])
            #expect(back.status == 200)
        }
    }
}
