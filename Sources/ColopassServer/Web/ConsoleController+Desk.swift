import ColopassCore
import Foundation
import HTTPTypes
import Hummingbird

/// The desk's registration jobs in the browser, on the same core calls as the CLI: a company
/// (credit code) or individual client, its contracts (add, activate, suspend, terminate with the
/// cards to collect), its people with photo, ID copy and letter, and a lost card's reissue
/// against the loss letter (C8). A form the core turns down for its input comes back with the
/// reason and what was typed; a refusal is the error page with its clause.
extension ConsoleController {
    var deskRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/clients/new", .signedIn, .manageClients) { request, context in
                try core.requirePermission(.manageClients, by: try context.actor(core))
                return try DeskForms.client(core, request, context, typed: ["kind": Input.query("kind", request) ?? "company"], error: nil)
            },
            APIRoute(.post, "/web/clients", .signedIn, .manageClients) { request, context in
                let form = try await WebForm.read(request, context, core)
                do {
                    let kind: Client.Kind = form.text("kind") == "individual" ? .individual : .company
                    let contacts = form.text("contact_name").map { [NewContact(name: $0, phone: form.text("contact_phone") ?? "")] } ?? []
                    let client = try core.registry.addClient(
                        NewClient(
                            kind: kind, name: try form.require("name"),
                            creditCode: kind == .company ? try form.require("credit_code") : nil,
                            idType: kind == .individual ? form.text("id_type") ?? "resident_id" : nil,
                            idNumber: kind == .individual ? try form.require("id_number") : nil, contacts: contacts),
                        by: try context.actor(core))
                    return Redirect.to("/web/clients/\(client.id)?done=registered")
                } catch let error as CoreError where error.isInput {
                    return try DeskForms.client(core, request, context, typed: form.fields, error: error)
                }
            },
            APIRoute(.get, "/web/clients/{id}/contracts/new", .signedIn, .manageContracts) { request, context in
                try core.requirePermission(.manageContracts, by: try context.actor(core))
                return try DeskForms.contract(core, request, context, clientId: try Input.id("id", context), typed: [:], error: nil)
            },
            APIRoute(.post, "/web/clients/{id}/contracts", .signedIn, .manageContracts) { request, context in
                let form = try await WebForm.read(request, context, core)
                let clientId = try Input.id("id", context)
                do {
                    guard let quota = Int(try form.require("server_quota")), quota >= 0 else {
                        throw CoreError.invalid("server_quota", zh: "应为非负整数", en: "a whole number, 0 or more")
                    }
                    let racks = try form.require("racks").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init)
                    _ = try core.registry.addContract(
                        NewContract(
                            number: try form.require("number"), clientId: clientId, startsOn: try form.require("starts_on"),
                            endsOn: try form.require("ends_on"), racks: racks, serverQuota: quota),
                        by: try context.actor(core))
                    return Redirect.to("/web/clients/\(clientId)?done=contract")
                } catch let error as CoreError where error.isInput {
                    return try DeskForms.contract(core, request, context, clientId: clientId, typed: form.fields, error: error)
                }
            },
            APIRoute(.post, "/web/contracts/{number}/activate", .signedIn, .manageContracts) { request, context in
                _ = try await WebForm.read(request, context, core)
                let contract = try core.registry.activateContract(try Input.text("number", context), by: try context.actor(core))
                return Redirect.to("/web/clients/\(contract.clientId)?done=activated")
            },
            APIRoute(.post, "/web/contracts/{number}/suspend", .signedIn, .manageContracts) { request, context in
                _ = try await WebForm.read(request, context, core)
                let contract = try core.registry.suspendContract(try Input.text("number", context), by: try context.actor(core))
                return Redirect.to("/web/clients/\(contract.clientId)?done=suspended")
            },
            APIRoute(.post, "/web/contracts/{number}/terminate", .signedIn, .manageContracts) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (number, actor) = (try Input.text("number", context), try context.actor(core))
                let contract = try core.registry.contract(number, by: actor)
                if form.text("confirm") != "yes", core.registry.offers(contract, to: actor).terminate {
                    let page = Page(Bilingual(zh: "请确认", en: "Please confirm"), request, context, core)
                    return page.render(
                        "confirm",
                        ConfirmPage(
                            question: page.t(
                                "终止合同 \(number) 将同时注销该客户凭此合同办理的全部出入证和通行证（C9），不可恢复。确认终止？",
                                "Terminating \(number) cancels every card and pass issued under it (C9), for good. Terminate it?"),
                            action: "/web/contracts/\(number)/terminate", button: page.t("确认终止", "Yes, terminate it"),
                            back: "/web/clients/\(contract.clientId)", fields: []),
                        path: "/web/clients/\(contract.clientId)")
                }
                let termination = try core.registry.terminateContract(number, by: actor)
                let page = Page(Bilingual(zh: "合同已终止", en: "Contract terminated"), request, context, core)
                return page.render(
                    "termination",
                    [
                        "number": termination.contract.number, "clientId": termination.contract.clientId,
                        "cancelled": termination.cancelledCards, "collect": termination.cardsToCollect,
                        "hasCollect": !termination.cardsToCollect.isEmpty,
                    ], path: "/web/clients/\(termination.contract.clientId)")
            },
            APIRoute(.get, "/web/clients/{id}/people/new", .signedIn, .managePersonnel) { request, context in
                try core.requirePermission(.managePersonnel, by: try context.actor(core))
                return try DeskForms.person(core, request, context, clientId: try Input.id("id", context), typed: [:], error: nil)
            },
            APIRoute(.post, "/web/clients/{id}/people", .signedIn, .managePersonnel) { request, context in
                let form = try await WebForm.read(request, context, core)
                let clientId = try Input.id("id", context)
                do {
                    _ = try Uploads.with(
                        core, [("photo", form.upload("photo")), ("id_copy", form.upload("id_copy")), ("letter", form.upload("letter"))]
                    ) { files in
                        try core.registry.addPerson(
                            NewPerson(
                                clientId: clientId, name: try form.require("name"), idType: form.text("id_type") ?? "resident_id",
                                idNumber: try form.require("id_number"), phone: try form.require("phone"), photoPath: files["photo"],
                                idCopyPath: files["id_copy"], letterPath: files["letter"]),
                            by: try context.actor(core))
                    }
                    // A client's administrator goes back to its roster, the desk to the client's page.
                    let actor = try context.actor(core)
                    return Redirect.to(actor.role == .clientUser ? "/web/portal/roster?done=person" : "/web/clients/\(clientId)?done=person")
                } catch let error as CoreError where error.isInput {
                    return try DeskForms.person(core, request, context, clientId: clientId, typed: form.fields, error: error)
                }
            },
            APIRoute(.get, "/web/people/{id}/{document}", .signedIn, .managePersonnel) { request, context in
                guard let which = Registry.PersonDocument(rawValue: try Input.text("document", context)) else {
                    throw CoreError.notFound(entity: "document", key: try Input.text("document", context))
                }
                return Evidence.response(try core.registry.personDocument(try Input.id("id", context), which, by: try context.actor(core)))
            },
            APIRoute(.post, "/web/cards/{number}/reissue", .signedIn, .issueCards) { request, context in
                let form = try await WebForm.read(request, context, core)
                let (number, actor) = (try CardNumber(Input.text("number", context)), try context.actor(core))
                let card = try Uploads.with(core, [("loss_letter", form.upload("loss_letter"))]) { files in
                    try core.cards.reissueCard(number, lossLetterPath: files["loss_letter"], by: actor)
                }
                return Redirect.to("/web/cards/\(card.number)?done=reissued")
            },
        ]
    }
}

extension CoreError {
    /// Bad input the person can correct on the same form (a refusal goes to the error page).
    var isInput: Bool {
        if case .invalidInput = self { return true }
        return false
    }
}

extension Evidence {
    /// Shown inline in the page that links it (a letter beside the decision), never cached.
    static func response(_ evidence: Evidence) -> Response {
        var response = Reply.bytes(evidence.bytes, type: evidence.mediaType)
        response.headers[.contentDisposition] = "inline"
        response.headers[.cacheControl] = "no-store"
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}

/// The desk's registration forms, each re-shown with what was typed when the core turns the
/// input down.
enum DeskForms {
    static func client(
        _ core: Core, _ request: Request, _ context: AppRequestContext, typed: [String: String], error: CoreError?
    ) throws -> Response {
        let company = typed["kind"] != "individual"
        var page = Page(
            company ? Bilingual(zh: "登记公司客户", en: "Register a company") : Bilingual(zh: "登记个人客户", en: "Register an individual"),
            request, context, core)
        page.done = nil
        var view: [String: Any] = ["company": company, "typed": typed]
        if let error {
            view["error"] = ErrorView(error, page)
            return page.render("client-new", view, status: error.status, path: "/web/clients/new")
        }
        return page.render("client-new", view, path: "/web/clients/new")
    }

    static func contract(
        _ core: Core, _ request: Request, _ context: AppRequestContext, clientId: Int64, typed: [String: String], error: CoreError?
    ) throws -> Response {
        let client = try core.registry.client(clientId, by: try context.actor(core)).client
        let page = Page(Bilingual(zh: "新增合同：\(client.name)", en: "New contract: \(client.name)"), request, context, core)
        var view: [String: Any] = ["clientId": clientId, "typed": typed]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("contract-new", view, status: error?.status ?? .ok, path: "/web/clients/\(clientId)")
    }

    static func person(
        _ core: Core, _ request: Request, _ context: AppRequestContext, clientId: Int64, typed: [String: String], error: CoreError?
    ) throws -> Response {
        let client = try core.registry.client(clientId, by: try context.actor(core)).client
        let page = Page(Bilingual(zh: "登记人员：\(client.name)", en: "Register a person: \(client.name)"), request, context, core)
        var view: [String: Any] = ["clientId": clientId, "typed": typed, "company": client.kind == .company]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("person-new", view, status: error?.status ?? .ok, path: "/web/clients/\(clientId)")
    }
}
