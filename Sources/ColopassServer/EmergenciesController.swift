import ColopassCore
import Foundation
import Hummingbird

/// Emergency entry (C6): supervisors approve and, afterwards, another reviews; guards check the ID.
struct EmergenciesController: Sendable {
    let core: Core

    struct ApproveRequest: Decodable {
        var clientId: Int64
        var staff: [VisitsController.Visitor]
        var reason: String
        var hours: Double
        var reportedBy: String?
    }

    struct ReviewRequest: Decodable {
        var note: String
    }

    struct ConfirmRequest: Decodable {
        var idNumber: String
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/emergencies", .signedIn, .viewRegistry) { request, context in
                try Reply.json(
                    try core.passes.emergencies(
                        awaitingReview: try Input.queryBool("awaiting_review", request),
                        clientId: try Input.queryInt("client", request, atLeast: 1), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/emergencies", .signedIn, .approveEmergency) { request, context in
                let body = try await Input.json(ApproveRequest.self, from: request, core)
                let view = try core.passes.approveEmergency(
                    NewEmergency(
                        clientId: body.clientId, staff: body.staff.map(\.core), reason: body.reason, hours: body.hours,
                        reportedBy: body.reportedBy),
                    by: try context.actor(core))
                return try Reply.json(view, status: .created)
            },
            APIRoute(.get, "/api/emergencies/{id}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.passes.emergency(try Input.id("id", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/emergencies/{id}/review", .signedIn, .reviewEmergency) { request, context in
                let body = try await Input.json(ReviewRequest.self, from: request, core)
                return try Reply.json(
                    try core.passes.reviewEmergency(try Input.id("id", context), note: body.note, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/emergencies/{id}/slips", .signedIn, .approveEmergency) { _, context in
                let (id, actor) = (try Input.id("id", context), try context.actor(core))
                let slips = try await Offload.cpu { try core.passes.emergencyPassSlips(emergencyId: id, by: actor) }
                return try Reply.json(slips.map(SlipJSON.init))
            },
            APIRoute(.post, "/api/emergency-passes/{number}/confirm-id", .signedIn, .confirmAtGate) {
                request, context in
                let body = try await Input.json(ConfirmRequest.self, from: request, core)
                return try Reply.json(
                    try core.passes.confirmEmergencyID(
                        try PassNumber.Of<EmergencyPassKind>(Input.text("number", context)), idNumber: body.idNumber, by: try context.actor(core)))
            },
        ]
    }
}
