import ColopassCore
import Foundation
import Hummingbird

/// Equipment out (Q4 decommission, Q5 repair): the client files with the sealed application and
/// the movers' ID copies, customer service checks and decides, the exit slip is printed and used
/// once at the door.
struct RemovalsController: Sendable {
    let core: Core

    struct Mover: Decodable {
        var name: String?
        var idType: String?
        var idNumber: String?
        var idCopy: Upload?
    }

    struct FileRequest: Decodable {
        var kind: String
        var clientId: Int64
        var items: [String]
        var removalDate: String
        var companyName: String?
        var movers: [Mover]?
        var applicationScan: Upload?
        var note: String?
    }

    struct Check: Decodable {
        var serials: [String]
        var counts: [String: Int]?
    }

    struct Reason: Decodable {
        var reason: String
    }

    struct Items: Decodable {
        var items: [String]
    }

    struct Scan: Decodable {
        var scanned: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/removals", .signedIn, .viewRegistry) { request, context in
                try Reply.json(
                    try core.equipment.removals(clientId: try Input.queryInt("client", request, atLeast: 1), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/removals", .signedIn, .fileRemoval) { request, context in
                let body = try await Input.json(FileRequest.self, from: request, core)
                guard let kind = RemovalRequest.Kind(rawValue: body.kind) else {
                    throw CoreError.invalid("kind", zh: "应为 decommission 或 repair", en: "decommission or repair")
                }
                let actor = try context.actor(core)
                let movers = body.movers ?? []
                var uploads: [(field: String, upload: Upload?)] = [("application_scan", body.applicationScan)]
                for (index, mover) in movers.enumerated() { uploads.append(("movers[\(index)].id_copy", mover.idCopy)) }
                let view = try Uploads.with(core, uploads) { files in
                    try core.equipment.fileRemoval(
                        NewRemovalRequest(
                            kind: kind, clientId: body.clientId, items: body.items, removalDate: body.removalDate,
                            companyName: body.companyName,
                            movers: movers.enumerated().map { index, mover in
                                NewRemovalMover(
                                    name: mover.name, idType: mover.idType ?? "resident_id", idNumber: mover.idNumber,
                                    idCopyPath: files["movers[\(index)].id_copy"])
                            },
                            applicationScanPath: files["application_scan"], note: body.note),
                        by: actor)
                }
                return try Reply.json(view, status: .created)
            },
            APIRoute(.get, "/api/removals/{number}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.equipment.removal(try RemovalNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/removals/{number}/check", .signedIn, .decideRemoval) { request, context in
                let body = try await Input.json(Check.self, from: request, core)
                return try Reply.json(
                    try core.equipment.checkRemoval(
                        try RemovalNumber(Input.text("number", context)), serials: body.serials, counts: body.counts ?? [:],
                        by: try context.actor(core)))
            },
            APIRoute(.post, "/api/removals/{number}/approve", .signedIn, .decideRemoval) { _, context in
                try Reply.json(try core.equipment.approveRemoval(try RemovalNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/removals/{number}/reject", .signedIn, .decideRemoval) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.equipment.rejectRemoval(try RemovalNumber(Input.text("number", context)), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/removals/{number}/cancel", .signedIn, .fileRemoval) { request, context in
                let body = try await Input.json(Reason.self, from: request, core)
                return try Reply.json(
                    try core.equipment.cancelRemoval(try RemovalNumber(Input.text("number", context)), reason: body.reason, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/removals/{number}/return", .signedIn, .acceptEquipment) { request, context in
                let body = try await Input.json(Items.self, from: request, core)
                return try Reply.json(
                    try core.equipment.returnFromRepair(
                        try RemovalNumber(Input.text("number", context)), items: body.items, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/exit-slips/{number}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.equipment.exitSlip(try ExitSlipNumber(Input.text("number", context)), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/exit-slips/{number}/slip", .signedIn, .decideRemoval) { _, context in
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                let slip = try await Offload.cpu { try core.equipment.renderExitSlip(try ExitSlipNumber(number), by: actor) }
                return try Reply.json(SlipJSON(slip))
            },
            APIRoute(.post, "/api/exit-slips/use", .signedIn, .operateGate) { request, context in
                let body = try await Input.json(Scan.self, from: request, core)
                return try Reply.json(try core.equipment.useExitSlip(body.scanned, by: try context.actor(core)))
            },
        ]
    }
}
