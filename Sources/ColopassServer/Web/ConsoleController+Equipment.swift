import ColopassCore
import Foundation
import Hummingbird

/// The console's equipment desk: work orders accepted item by item on their racking day (Q1, Q2),
/// removal requests checked against what is carried out and approved (Q4, Q5), exit slips printed,
/// and the guards' list of who is inside. The core decides every step; a refusal comes back as
/// the error page with its clause.
extension ConsoleController {
    var equipmentRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/work-orders", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "托管工单", en: "Work orders"), request, context, core)
                var list = ListQuery(request, path: "/web/work-orders", sorts: ["number", "planned"])
                list.hint = page.t("工单号、客户、合同或序列号", "number, client, contract or serial")
                list.states(WorkOrder.Status.allCases.map { ($0.rawValue, page.status($0.rawValue).label) })
                try list.clientMenu(core, actor)
                let sort = list.sort
                let orders = list.apply(
                    try core.equipment.workOrders(by: actor), text: { [$0.order.number, $0.clientName, $0.contractNumber] + $0.lines.compactMap(\.serial) },
                    state: { $0.order.status.rawValue }, client: { $0.order.clientId },
                    sort: { sort == "planned" ? $0.order.plannedAt > $1.order.plannedAt : $0.order.id > $1.order.id }
                ).map { Views.workOrder($0, page) }
                // Q1: a new order is written on a contract in force.
                let contracts = actor.may(.fileWorkOrder)
                    ? try core.registry.contracts(clientId: actor.clientId, by: actor).filter { $0.status == .active }.map {
                        Views.Option(value: $0.number, label: "\($0.number)（\($0.racks)）", selected: false)
                    } : []
                return page.render(
                    "work-orders",
                    ["orders": orders, "list": list.view(), "contracts": contracts, "mayFile": !contracts.isEmpty,
                     "leadHours": core.policy.parameters.workOrderLeadHours] as [String: Any],
                    path: "/web/work-orders")
            },
            APIRoute(.get, "/web/work-orders/{number}", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let view = try core.equipment.workOrder(try WorkOrderNumber(Input.text("number", context)), by: actor)
                let page = Page(Bilingual(zh: "工单 \(view.order.number)", en: "Work order \(view.order.number)"), request, context, core)
                let offers = core.equipment.offers(view, to: actor)
                let racks = offers.addItems
                    ? (try core.registry.contracts(clientId: view.order.clientId, by: actor).first { $0.number == view.contractNumber }?.rackList ?? [])
                    : []
                return page.render(
                    "work-order", Views.workOrderDetail(view, page, offers: offers, racks: racks),
                    path: "/web/work-orders/\(view.order.number)")
            },
            APIRoute(.post, "/web/work-orders/{number}/accept", .signedIn, .acceptEquipment) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                if let serial = form.text("serial") {
                    _ = try core.equipment.acceptItem(workOrder: try WorkOrderNumber(number), serial: serial, by: actor)
                } else {
                    let quantity = form.text("quantity") == nil ? 1 : Int(try form.int("quantity"))
                    _ = try core.equipment.acceptLine(workOrder: try WorkOrderNumber(number), line: Int(try form.int("line")), quantity: quantity, by: actor)
                }
                return Redirect.to("/web/work-orders/\(number)?done=accepted")
            },
            APIRoute(.post, "/web/work-orders/{number}/refuse", .signedIn, .acceptEquipment) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                if let description = form.text("description") {
                    _ = try core.equipment.refuseArrival(workOrder: try WorkOrderNumber(number), description: description, by: actor)
                } else if let serial = form.text("serial") {
                    _ = try core.equipment.refuseItem(workOrder: try WorkOrderNumber(number), serial: serial, reason: try form.require("reason"), by: actor)
                } else {
                    _ = try core.equipment.refuseLine(
                        workOrder: try WorkOrderNumber(number), line: Int(try form.int("line")), reason: try form.require("reason"), by: actor)
                }
                return Redirect.to("/web/work-orders/\(number)?done=refused")
            },
            APIRoute(.get, "/web/removals", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "设备搬出申请", en: "Equipment removal requests"), request, context, core)
                var list = ListQuery(request, path: "/web/removals", sorts: ["number", "date"])
                list.hint = page.t("单号、客户、搬运人或序列号", "number, client, mover or serial")
                list.states(RemovalRequest.Status.allCases.map { ($0.rawValue, page.status($0.rawValue).label) })
                try list.clientMenu(core, actor)
                let sort = list.sort
                let rows = list.apply(
                    try core.equipment.removals(by: actor),
                    text: { [$0.request.number, $0.clientName] + $0.movers.map(\.name) + $0.items.compactMap(\.serial) },
                    state: { $0.request.status.rawValue }, client: { $0.request.clientId },
                    sort: { sort == "date" ? $0.request.removalDate > $1.request.removalDate : $0.request.id > $1.request.id }
                ).map { Views.removal($0, page, offers: core.equipment.offers($0, to: actor)) }
                return page.render("removals", ["removals": rows, "list": list.view()] as [String: Any], path: "/web/removals")
            },
            APIRoute(.post, "/web/removals/{number}/check", .signedIn, .decideRemoval) { request, context in
                let form = try await WebForm.read(request, context, core)
                let number = try Input.text("number", context)
                // A ticked box per serial seen; a count per model for goods without serials.
                let serials = form.fields.filter { $0.key.hasPrefix("seen_") }.map(\.value)
                var counts: [String: Int] = [:]
                for (key, value) in form.fields where key.hasPrefix("count_") && !value.isEmpty {
                    guard let count = Int(value), count >= 0 else {
                        throw CoreError.invalid(key, zh: "数量应为非负整数", en: "a count is a whole number, 0 or more")
                    }
                    counts[String(key.dropFirst("count_".count))] = count
                }
                _ = try core.equipment.checkRemoval(try RemovalNumber(number), serials: serials, counts: counts, by: try context.actor(core))
                return Redirect.to("/web/removals?done=checked")
            },
            APIRoute(.post, "/web/removals/{number}/approve", .signedIn, .decideRemoval) { request, context in
                _ = try await WebForm.read(request, context, core)
                let view = try core.equipment.approveRemoval(try RemovalNumber(Input.text("number", context)), by: try context.actor(core))
                guard let slip = view.exitSlip else { return Redirect.to("/web/removals?done=approved") }
                return Redirect.to("/web/exit-slips/\(slip.number)")
            },
            APIRoute(.post, "/web/removals/{number}/reject", .signedIn, .decideRemoval) { request, context in
                let form = try await WebForm.read(request, context, core)
                _ = try core.equipment.rejectRemoval(
                    try RemovalNumber(Input.text("number", context)), reason: try form.require("reason"), by: try context.actor(core))
                return Redirect.to("/web/removals?done=rejected")
            },
            APIRoute(.get, "/web/exit-slips/{number}", .signedIn, .decideRemoval) { request, context in
                try await ExitSlipPage.render(core, request, context, own: false)
            },
            APIRoute(.get, "/web/inside", .signedIn, .viewOccupancy) { request, context in
                let page = Page(Bilingual(zh: "在场人员", en: "Who is inside"), request, context, core)
                let actor = try context.actor(core)
                let rows = try core.gate.occupants(by: actor).map { Views.occupant($0, page) }
                let gates = try core.gate.gateUploads(by: actor).map {
                    GateUploadRow(
                        gate: $0.gate, received: page.time($0.lastReceivedAt), lastEvent: page.time($0.lastEventAt),
                        today: $0.eventsToday)
                }
                return page.render(
                    "inside", ["occupants": rows, "count": rows.count, "gates": gates] as [String: Any], path: "/web/inside")
            },
        ]
    }
}

struct GateUploadRow {
    let gate, received, lastEvent: String
    let today: Int
}

/// An exit slip at A6, signed and sealed on paper as Chinese sites print slips: who approved it,
/// when, and a box for each of the client, the clerk and the guard. The desk prints any; a client
/// its own (`own`), under the same rules.
enum ExitSlipPage {
    static func render(_ core: Core, _ request: Request, _ context: AppRequestContext, own: Bool) async throws -> Response {
        let (number, actor) = (try ExitSlipNumber(Input.text("number", context)), try context.actor(core))
        let slip = try await Offload.cpu {
            own ? try core.equipment.renderOwnExitSlip(number, by: actor) : try core.equipment.renderExitSlip(number, by: actor)
        }
        let issued = try core.equipment.exitSlip(number, by: actor).slip
        let page = Page(Bilingual(zh: "出门条 \(slip.number)", en: "Exit slip \(slip.number)"), request, context, core)
        return page.render(
            "exit-slip", ["svg": BadgeSheet.inline(slip.svg), "approver": issued.issuedBy, "issued": page.time(issued.issuedAt)],
            path: own ? "/web/portal" : "/web/exit-slips/\(slip.number)")
    }
}
