import ColopassCore
import ColopassServer
import Foundation
import HummingbirdTesting
import Testing

/// The console's equipment desk and the guards' list, as a browser uses them: each step a form
/// with the CSRF field, each refusal a page naming its clause.
@Suite("Web console: equipment desk and who is inside")
struct WebEquipmentDeskTests {
    @Test func Q2_aWorkOrderIsAcceptedItemByItemAndAnArrivalNotOnItIsRefusedAndRecorded() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let equipment = try site.equipment(fixture)
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await WebConsoleTests().signIn(client, "boss")
            let list = try await client.call(.get, "/web/work-orders", headers: cookie)
            #expect(list.status == 200 && list.text.contains(equipment.issued))
            let page = try await client.call(.get, "/web/work-orders/\(equipment.issued)", headers: cookie)
            #expect(page.text.contains("SN-A3") && page.text.contains("/accept"))
            // a serial not on the order is refused by the core (Q2.not_on_order) and kept on record
            let stranger = try await client.call(
                .post, "/web/work-orders/\(equipment.issued)/accept", form: ["serial": "SN-ZZ", "csrf": csrf], headers: cookie)
            #expect(stranger.status == 409 && stranger.text.contains("Q2"), "\(stranger.text)")
            // so is something unlabelled, recorded from the page's own form
            let recorded = try await client.call(
                .post, "/web/work-orders/\(equipment.issued)/refuse",
                form: ["description": "无标签 PDU / unlabelled PDU", "csrf": csrf], headers: cookie)
            #expect(recorded.status == 303)
            // SN-A3, the last line, is accepted from its line's form, which settles the order
            let accepted = try await client.call(
                .post, "/web/work-orders/\(equipment.issued)/accept", form: ["serial": "SN-A3", "csrf": csrf], headers: cookie)
            #expect(accepted.status == 303)
            let order = try site.core.equipment.workOrder(try WorkOrderNumber(equipment.issued), by: site.actor("boss"))
            #expect(order.lines.first { $0.serial == "SN-A3" }?.status == .accepted)
            #expect(order.refusedArrivals.count == 2)
            let after = try await client.call(.get, "/web/work-orders/\(equipment.issued)", headers: cookie)
            #expect(after.text.contains("SN-ZZ") && after.text.contains("unlabelled PDU") && after.text.contains("data-status=\"accepted\""))
        }
    }

    @Test func Q4_Q5_aRemovalIsCheckedThenApprovedAndItsExitSlipPrinted() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let equipment = try site.equipment(fixture)
        try await site.app().test(.router) { client in
            let (cookie, csrf) = try await WebConsoleTests().signIn(client, "kefu")
            let desk = try await client.call(.get, "/web/removals", headers: cookie)
            #expect(desk.status == 200 && desk.text.contains(equipment.removal) && desk.text.contains("seen_SN-A1"))
            // approving before the check is refused: Q5.unchecked
            let early = try await client.call(
                .post, "/web/removals/\(equipment.removal)/approve", form: ["csrf": csrf], headers: cookie)
            #expect(early.status == 409 && early.text.contains("Q5.unchecked"), "\(early.text)")
            // a check that misses the item is refused: Q5.mismatch
            let missed = try await client.call(
                .post, "/web/removals/\(equipment.removal)/check", form: ["csrf": csrf], headers: cookie)
            #expect(missed.status == 409 && missed.text.contains("Q5.mismatch"))
            let checked = try await client.call(
                .post, "/web/removals/\(equipment.removal)/check", form: ["seen_SN-A1": "SN-A1", "csrf": csrf], headers: cookie)
            #expect(checked.status == 303)
            let approved = try await client.call(
                .post, "/web/removals/\(equipment.removal)/approve", form: ["csrf": csrf], headers: cookie)
            #expect(approved.status == 303)
            let location = try #require(approved.headers["location"])
            #expect(location.hasPrefix("/web/exit-slips/"))
            let slip = try await client.call(.get, location, headers: cookie)
            #expect(slip.status == 200 && slip.text.contains("<svg") && slip.text.contains("window.print()"))
            // printed as Chinese sites sign slips: the approver, the time issued, three signature boxes
            #expect(slip.text.contains("批准人") && slip.text.contains("签发时间"))
            #expect(slip.text.contains("客户签字") && slip.text.contains("客服签字") && slip.text.contains("保安签字"))
            // the client's user sees the slip's number but may not open the printable slip
            let (userCookie, _) = try await WebConsoleTests().signIn(client, "ua")
            #expect(try await client.call(.get, location, headers: userCookie).status == 403)
        }
    }

    @Test func aGuardSeesWhoIsInsideFromTheUploadedEventsAndAClientUserIsRefusedR1Role() async throws {
        let site = try ServerSite()
        let fixture = try site.populate()
        let card = try site.core.cards.card(try CardNumber(fixture.cardA), by: site.actor("kefu")).card
        let entered = GateEvent(
            id: "e-in-1", gate: "G1", direction: .in, at: site.now.addingTimeInterval(-600), kind: .accessCard,
            credentialId: UInt32(card.id), generation: UInt16(card.generation), result: .granted, reason: nil, clause: nil,
            confirmed: false, holderName: "李娜")
        _ = try site.core.gate.recordGateEvents([entered], by: site.actor("gate1"))
        try await site.app().test(.router) { client in
            let (cookie, _) = try await WebConsoleTests().signIn(client, "gate1")
            let inside = try await client.call(.get, "/web/inside", headers: cookie)
            #expect(inside.status == 200 && inside.text.contains("李娜") && inside.text.contains("G1"))
            let (userCookie, _) = try await WebConsoleTests().signIn(client, "ua")
            let refused = try await client.call(.get, "/web/inside", headers: userCookie)
            #expect(refused.status == 403 && refused.text.contains("R1.role"))
        }
        // the core refuses a client's user itself (S3: who is on site is not a client's to see)
        do {
            _ = try site.core.gate.occupants(by: site.actor("ua"))
            Issue.record("a client user saw who is inside")
        } catch CoreError.refused(let refusal) {
            #expect(refusal.clause.code == "R1.role")
        }
        // once out, off the list
        let left = GateEvent(
            id: "e-out-1", gate: "G1", direction: .out, at: site.now.addingTimeInterval(-60), kind: .accessCard,
            credentialId: UInt32(card.id), generation: UInt16(card.generation), result: .granted, reason: nil, clause: nil,
            confirmed: false, holderName: "李娜")
        _ = try site.core.gate.recordGateEvents([left], by: site.actor("gate1"))
        #expect(try site.core.gate.occupants(by: site.actor("gate1")).isEmpty)
    }
}
