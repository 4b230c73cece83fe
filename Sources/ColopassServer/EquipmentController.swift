import ColopassCore
import Foundation
import Hummingbird

/// Equipment in (Q1–Q3): work orders filed ahead, accepted item by item on the racking day,
/// the inventory, and the site's address and port pools.
struct EquipmentController: Sendable {
    let core: Core

    struct NewOrder: Decodable {
        var contract: String
        /// Site time `YYYY-MM-DD HH:MM`, or ISO 8601 with a zone.
        var plannedAt: String
        var note: String?
    }

    struct NewItem: Decodable {
        var kind: String
        var brand: String
        var model: String
        var serial: String?
        var quantity: Int?
        var rack: String
        var uPosition: Int
    }

    struct Reason: Decodable {
        var reason: String
    }

    /// One arrival: a labelled unit by `serial`, or `quantity` unlabelled parts of `line`.
    struct Arrival: Decodable {
        var serial: String?
        var line: Int?
        var quantity: Int?
    }

    /// Turning away: a labelled unit (`serial`), what is left of a `line`, or something not on
    /// the order at all (`description`).
    struct Refusal: Decodable {
        var serial: String?
        var line: Int?
        var reason: String?
        var description: String?
    }

    struct NewIPPool: Decodable {
        var cidr: String
        var note: String?
    }

    struct NewPortPool: Decodable {
        var `switch`: String
        var from: Int
        var to: Int
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/work-orders", .signedIn, .viewRegistry) { request, context in
                try Reply.json(
                    try core.equipment.workOrders(
                        clientId: try Input.queryInt("client", request, atLeast: 1), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/work-orders", .signedIn, .fileWorkOrder) { request, context in
                let body = try await Input.json(NewOrder.self, from: request, core)
                let planned = try EntryWindow.parse(body.plannedAt, field: "planned_at", in: core.policy.site.timeZone)
                let order = try core.equipment.createWorkOrder(
                    contract: body.contract, plannedAt: planned, note: body.note, by: try context.actor(core))
                return try Reply.json(order, status: .created)
            },
            APIRoute(.get, "/api/work-orders/{number}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.equipment.workOrder(try WorkOrderNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/work-orders/{number}/items", .signedIn, .fileWorkOrder) { request, context in
                let body = try await Input.json(NewItem.self, from: request, core)
                guard let kind = EquipmentKind(rawValue: body.kind) else {
                    throw CoreError.invalid(
                        "kind", zh: "未知设备类型",
                        en: "one of \(EquipmentKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let line = try core.equipment.addWorkOrderItem(
                    try WorkOrderNumber(Input.text("number", context)),
                    NewWorkOrderItem(
                        kind: kind, brand: body.brand, model: body.model, serial: body.serial,
                        quantity: body.quantity ?? 1, rack: body.rack, uPosition: body.uPosition),
                    by: try context.actor(core))
                return try Reply.json(line, status: .created)
            },
            APIRoute(.post, "/api/work-orders/{number}/issue", .signedIn, .fileWorkOrder) { _, context in
                try Reply.json(try core.equipment.issueWorkOrder(try WorkOrderNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/work-orders/{number}/cancel", .signedIn, .fileWorkOrder) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.equipment.cancelWorkOrder(
                        try WorkOrderNumber(Input.text("number", context)), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/work-orders/{number}/accept", .signedIn, .acceptEquipment) { request, context in
                let body = try await Input.json(Arrival.self, from: request, core)
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                if let serial = body.serial {
                    return try Reply.json(try core.equipment.acceptItem(workOrder: try WorkOrderNumber(number), serial: serial, by: actor))
                }
                guard let line = body.line else {
                    throw CoreError.invalid("serial", zh: "请给出序列号，或行号与数量", en: "give a serial, or a line and a quantity")
                }
                return try Reply.json(
                    try core.equipment.acceptLine(workOrder: try WorkOrderNumber(number), line: line, quantity: body.quantity ?? 1, by: actor))
            },
            APIRoute(.post, "/api/work-orders/{number}/refuse", .signedIn, .acceptEquipment) { request, context in
                let body = try await Input.json(Refusal.self, from: request, core)
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                if let description = body.description {
                    return try Reply.json(try core.equipment.refuseArrival(workOrder: try WorkOrderNumber(number), description: description, by: actor))
                }
                guard let reason = body.reason else {
                    throw CoreError.invalid("reason", zh: "请说明拒收原因", en: "give the reason")
                }
                if let serial = body.serial {
                    return try Reply.json(try core.equipment.refuseItem(workOrder: try WorkOrderNumber(number), serial: serial, reason: reason, by: actor))
                }
                guard let line = body.line else {
                    throw CoreError.invalid("serial", zh: "请给出序列号或行号", en: "give a serial or a line")
                }
                return try Reply.json(try core.equipment.refuseLine(workOrder: try WorkOrderNumber(number), line: line, reason: reason, by: actor))
            },
            APIRoute(.post, "/api/work-orders/{number}/close", .signedIn, .acceptEquipment) { _, context in
                try Reply.json(try core.equipment.closeWorkOrder(try WorkOrderNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/inventory", .signedIn, .viewRegistry) { request, context in
                try Reply.json(
                    try core.equipment.inventory(
                        clientId: try Input.queryInt("client", request, atLeast: 1),
                        includeRemoved: try Input.queryBool("include_removed", request), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/inventory/{item}/ip", .signedIn, .manageIPPools) { _, context in
                try Reply.json(try core.equipment.assignAddress(item: try Input.text("item", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/inventory/{item}/port", .signedIn, .manageIPPools) { _, context in
                try Reply.json(try core.equipment.assignPort(item: try Input.text("item", context), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/ip-allocations", .signedIn, .viewRegistry) { request, context in
                try Reply.json(
                    try core.equipment.addressAllocations(
                        clientId: try Input.queryInt("client", request, atLeast: 1), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/ip-pools", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.equipment.ipPools(by: try context.actor(core)))
            },
            APIRoute(.post, "/api/ip-pools", .signedIn, .manageIPPools) { request, context in
                let body = try await Input.json(NewIPPool.self, from: request, core)
                return try Reply.json(
                    try core.equipment.addIPPool(cidr: body.cidr, note: body.note, by: try context.actor(core)), status: .created)
            },
            APIRoute(.get, "/api/port-pools", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.equipment.portPools(by: try context.actor(core)))
            },
            APIRoute(.post, "/api/port-pools", .signedIn, .manageIPPools) { request, context in
                let body = try await Input.json(NewPortPool.self, from: request, core)
                return try Reply.json(
                    try core.equipment.addPortPool(switch: body.switch, from: body.from, to: body.to, by: try context.actor(core)),
                    status: .created)
            },
        ]
    }
}
