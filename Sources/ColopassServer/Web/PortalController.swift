import ColopassCore
import Foundation
import Hummingbird

/// The client portal: a client user's own cards (report a loss), temporary entry requests filed
/// with the sealed letter, and their status. The core keeps it to the user's own client (R3).
/// A form the core turns down comes back with the reason and what was typed.
struct PortalController: Sendable {
    let core: Core

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/portal", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "客户门户", en: "Client portal"), request, context, core)
                let visits = try core.passes.visitRequests(by: actor).map {
                    Views.visit($0, page, offers: core.passes.offers($0, to: actor))
                }
                let removals = try core.equipment.removals(by: actor).map {
                    Views.removal($0, page, offers: core.equipment.offers($0, to: actor))
                }
                return page.render(
                    "portal",
                    ["cards": try core.cards.cards(by: actor).map { Views.card($0, page) }, "visits": visits, "removals": removals],
                    path: "/web/portal")
            },
            APIRoute(.get, "/web/portal/visit", .signedIn) { request, context in
                try visitForm(request, context, typed: [:], error: nil, status: .ok)
            },
            APIRoute(.post, "/web/portal/visit", .signedIn, .fileVisitRequest) { request, context in
                let form = try await WebForm.read(request, context, core)
                let actor = try context.actor(core)
                let zone = core.policy.site.timeZone
                do {
                    let start = try EntryWindow.parse(try form.require("window_start"), field: "window_start", in: zone)
                    let end = try EntryWindow.parse(try form.require("window_end"), field: "window_end", in: zone)
                    let visitor = NewVisitor(name: try form.require("visitor_name"), idNumber: try form.require("visitor_id"))
                    _ = try Uploads.with(core, [("letter", form.upload("letter"))]) { files in
                        try core.passes.fileVisitRequest(
                            NewVisitRequest(
                                clientId: try form.int("client_id"), reason: try form.require("reason"), windowStart: start,
                                windowEnd: end, visitors: [visitor], letterPath: files["letter"]),
                            by: actor)
                    }
                } catch let error as CoreError where error.status != .forbidden {
                    return try visitForm(request, context, typed: form.fields, error: error, status: error.status)
                }
                return Redirect.to("/web/portal?done=filed")
            },
            APIRoute(.get, "/web/portal/removal", .signedIn) { request, context in
                try removalForm(request, context, typed: [:], error: nil, status: .ok)
            },
            APIRoute(.post, "/web/portal/removal", .signedIn, .fileRemoval) { request, context in
                let form = try await WebForm.read(request, context, core)
                let actor = try context.actor(core)
                do {
                    guard let kind = RemovalRequest.Kind(rawValue: try form.require("kind")) else {
                        throw CoreError.invalid("kind", zh: "应为退租出门或维修出门", en: "decommission or repair")
                    }
                    let items = form.fields.filter { $0.key.hasPrefix("item_") }.map(\.value).sorted()
                    let hasMover = form.text("mover_name") != nil || form.text("mover_id") != nil
                    _ = try Uploads.with(
                        core, [("application_scan", form.upload("application_scan")), ("movers[0].id_copy", form.upload("mover_id_copy"))]
                    ) { files in
                        try core.equipment.fileRemoval(
                            NewRemovalRequest(
                                kind: kind, clientId: try form.int("client_id"), items: items,
                                removalDate: try form.require("removal_date"), companyName: form.text("company_name"),
                                movers: hasMover
                                    ? [NewRemovalMover(name: form.text("mover_name"), idNumber: form.text("mover_id"), idCopyPath: files["movers[0].id_copy"])]
                                    : [],
                                applicationScanPath: files["application_scan"]),
                            by: actor)
                    }
                } catch let error as CoreError where error.status != .forbidden {
                    return try removalForm(request, context, typed: form.fields, error: error, status: error.status)
                }
                return Redirect.to("/web/portal?done=filed")
            },
            APIRoute(.post, "/web/portal/visits/{id}/cancel", .signedIn, .fileVisitRequest) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.passes.cancelVisitRequest(try Input.id("id", context), by: try context.actor(core))
                return Redirect.to("/web/portal?done=cancelled")
            },
        ]
    }

    private func visitForm(
        _ request: Request, _ context: AppRequestContext, typed: [String: String], error: CoreError?, status: HTTPResponse.Status
    ) throws -> Response {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "提交临时进入申请", en: "File a temporary entry request"), request, context, core)
        var view: [String: Any] = [
            "clients": try core.registry.clients(by: actor).map {
                Views.Option(value: String($0.id), label: $0.name, selected: typed["client_id"] == String($0.id))
            },
            "hours": core.policy.parameters.temporaryEntryMinNoticeHours, "typed": typed,
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("portal-visit", view, status: status, path: "/web/portal/visit")
    }

    private func removalForm(
        _ request: Request, _ context: AppRequestContext, typed: [String: String], error: CoreError?, status: HTTPResponse.Status
    ) throws -> Response {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "提交设备出门申请", en: "File an equipment removal request"), request, context, core)
        let clients = try core.registry.clients(by: actor)
        var view: [String: Any] = [
            "clients": clients.map { Views.Option(value: String($0.id), label: $0.name, selected: typed["client_id"] == String($0.id)) },
            "items": try core.equipment.inventory(by: actor).map {
                ["number": $0.item.number, "description": "\($0.item.brand) \($0.item.model) \($0.item.serial ?? "")"]
            },
            "today": core.today.description, "company": typed["company_name"] ?? clients.first?.name ?? "", "typed": typed,
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("portal-removal", view, status: status, path: "/web/portal/removal")
    }
}
