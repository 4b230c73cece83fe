import ColopassCore
import Foundation
import Hummingbird

/// A client's own access log: its people's entries and exits, as JSON or as CSV for its audits.
struct AccessLogController: Sendable {
    let core: Core

    func entries(_ request: Request, _ context: AppRequestContext) throws -> [AccessLogEntry] {
        let today = core.today
        return try core.gate.accessLog(
            clientId: try Input.id("id", context), personId: try Input.queryInt("person", request, atLeast: 1),
            from: try Input.day("from", request, default: today.adding(days: -30)),
            to: try Input.day("to", request, default: today), by: try context.actor(core))
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/clients/{id}/access-log", .signedIn, .viewAccessLog) { request, context in
                try Reply.json(try entries(request, context))
            },
            APIRoute(.get, "/api/clients/{id}/access-log.csv", .signedIn, .viewAccessLog) { request, context in
                let csv = AccessLogCSV.render(try entries(request, context), in: core.policy.site.timeZone)
                return Reply.bytes(
                    Array(csv.utf8), type: "text/csv; charset=utf-8",
                    filename: "access-log-\(try Input.id("id", context)).csv")
            },
        ]
    }
}

/// What a client fetches for its own removals: the equipment a form may still offer, and its
/// exit slip to print.
struct ClientRemovalsController: Sendable {
    let core: Core

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/clients/{id}/removable-items", .signedIn, .viewRegistry) { _, context in
                try Reply.json(
                    try core.equipment.removableItems(clientId: try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.get, "/api/exit-slips/{number}/print", .signedIn, .fileRemoval) { _, context in
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                let slip = try await Offload.cpu { try core.equipment.renderOwnExitSlip(try ExitSlipNumber(number), by: actor) }
                return try Reply.json(SlipJSON(slip))
            },
        ]
    }
}
