import ColopassCore
import Foundation
import Hummingbird

/// Hosting contracts (D1, C9).
struct ContractsController: Sendable {
    let core: Core

    struct NewContractRequest: Decodable {
        var number: String
        var clientId: Int64
        var startsOn: String
        var endsOn: String
        var racks: [String]
        var serverQuota: Int
        var ipsPerServer: Int?
        var portsPerServer: Int?
    }

    struct TerminationResponse: Encodable {
        var contract: Contract
        var cancelledCards: [String]
        var cardsToCollect: [String]
    }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/contracts", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.registry.contracts(by: try context.actor(core)))
            },
            APIRoute(.post, "/api/contracts", .signedIn, .manageContracts) { request, context in
                let body = try await Input.json(NewContractRequest.self, from: request, core)
                let contract = try core.registry.addContract(
                    NewContract(
                        number: body.number, clientId: body.clientId, startsOn: body.startsOn, endsOn: body.endsOn,
                        racks: body.racks, serverQuota: body.serverQuota, ipsPerServer: body.ipsPerServer,
                        portsPerServer: body.portsPerServer),
                    by: try context.actor(core))
                return try Reply.json(contract, status: .created)
            },
            APIRoute(.get, "/api/contracts/{number}", .signedIn, .viewRegistry) { _, context in
                try Reply.json(try core.registry.contract(try Input.text("number", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/contracts/{number}/activate", .signedIn, .manageContracts) { _, context in
                try Reply.json(
                    try core.registry.activateContract(try Input.text("number", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/contracts/{number}/suspend", .signedIn, .manageContracts) { _, context in
                try Reply.json(
                    try core.registry.suspendContract(try Input.text("number", context), by: try context.actor(core)))
            },
            APIRoute(.post, "/api/contracts/{number}/terminate", .signedIn, .manageContracts) { _, context in
                let ended = try core.registry.terminateContract(try Input.text("number", context), by: try context.actor(core))
                return try Reply.json(
                    TerminationResponse(
                        contract: ended.contract, cancelledCards: ended.cancelledCards,
                        cardsToCollect: ended.cardsToCollect))
            },
        ]
    }
}
