import ColopassCore
import Foundation
import Hummingbird

/// Work orders written at the desk (Q1): a draft on a contract in force for a racking time, its
/// equipment line by line on the contract's racks, issued at least the lead time before racking,
/// withdrawn while nothing was accepted, and closed once acceptance is over (what did not come is
/// recorded short, Q2). Acceptance itself is in `equipmentRoutes`.
extension ConsoleController {
    var workOrderRoutes: [APIRoute] {
        [
            APIRoute(.post, "/web/work-orders", .signedIn, .fileWorkOrder) { request, context in
                let form = try await WebForm.read(request, context, core)
                let planned = try SiteTime.parse(try form.require("planned_at"), in: core.policy.site.timeZone, field: "planned_at")
                let order = try core.equipment.createWorkOrder(
                    contract: try form.require("contract"), plannedAt: planned, note: form.text("note"), by: try context.actor(core))
                return Redirect.to("/web/work-orders/\(order.number)?done=created")
            },
            APIRoute(.post, "/web/work-orders/{number}/items", .signedIn, .fileWorkOrder) { request, context in
                let form = try await WebForm.read(request, context, core)
                let number = try Input.text("number", context)
                guard let kind = EquipmentKind(rawValue: try form.require("kind")) else {
                    throw CoreError.invalid("kind", zh: "应为服务器、交换机、存储或其他", en: "server, switch, storage or other")
                }
                _ = try core.equipment.addWorkOrderItem(
                    try WorkOrderNumber(number),
                    NewWorkOrderItem(
                        kind: kind, brand: try form.require("brand"), model: try form.require("model"), serial: form.text("serial"),
                        quantity: form.text("quantity") == nil ? 1 : Int(try form.int("quantity")), rack: try form.require("rack"),
                        uPosition: Int(try form.int("u_position"))),
                    by: try context.actor(core))
                return Redirect.to("/web/work-orders/\(number)?done=added")
            },
            APIRoute(.post, "/web/work-orders/{number}/issue", .signedIn, .fileWorkOrder) { request, context in
                _ = try await WebForm.read(request, context, core)
                let number = try Input.text("number", context)
                _ = try core.equipment.issueWorkOrder(try WorkOrderNumber(number), by: try context.actor(core))
                return Redirect.to("/web/work-orders/\(number)?done=sent")
            },
            APIRoute(.post, "/web/work-orders/{number}/cancel", .signedIn, .fileWorkOrder) { request, context in
                let form = try await WebForm.read(request, context, core)
                let number = try Input.text("number", context)
                _ = try core.equipment.cancelWorkOrder(
                    try WorkOrderNumber(number), reason: try form.require("reason"), by: try context.actor(core))
                return Redirect.to("/web/work-orders/\(number)?done=cancelled")
            },
            APIRoute(.post, "/web/work-orders/{number}/close", .signedIn, .acceptEquipment) { request, context in
                _ = try await WebForm.read(request, context, core)
                let number = try Input.text("number", context)
                _ = try core.equipment.closeWorkOrder(try WorkOrderNumber(number), by: try context.actor(core))
                return Redirect.to("/web/work-orders/\(number)?done=closed")
            },
        ]
    }
}
