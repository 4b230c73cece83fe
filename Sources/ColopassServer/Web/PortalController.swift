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
                    let visitors = PortalForms.people(form, prefix: "visitor", rows: PortalForms.visitorRows).map {
                        NewVisitor(name: $0.name ?? "", idType: $0.idType, idNumber: $0.idNumber ?? "")
                    }
                    let host = try form.text("host_person_id").map { _ in try form.int("host_person_id") }
                    _ = try Uploads.with(core, [("letter", form.upload("letter"))]) { files in
                        try core.passes.fileVisitRequest(
                            NewVisitRequest(
                                clientId: try form.int("client_id"), reason: try form.require("reason"), windowStart: start,
                                windowEnd: end, visitors: visitors, letterPath: files["letter"], hostPersonId: host),
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
                        throw CoreError.invalid("kind", zh: "应为撤机或检修搬出", en: "decommission or removal for repair")
                    }
                    let items = form.fields.filter { $0.key.hasPrefix("item_") }.map(\.value).sorted()
                    let movers = PortalForms.people(form, prefix: "mover", rows: PortalForms.moverRows)
                    let uploads = [("application_scan", form.upload("application_scan"))]
                        + movers.enumerated().map { ("movers[\($0.offset)].id_copy", form.upload("mover_id_copy_\($0.element.row)")) }
                    _ = try Uploads.with(core, uploads) { files in
                        try core.equipment.fileRemoval(
                            NewRemovalRequest(
                                kind: kind, clientId: try form.int("client_id"), items: items,
                                removalDate: try form.require("removal_date"), companyName: form.text("company_name"),
                                movers: movers.enumerated().map { index, mover in
                                    NewRemovalMover(
                                        name: mover.name, idType: mover.idType, idNumber: mover.idNumber,
                                        idCopyPath: files["movers[\(index)].id_copy"])
                                },
                                applicationScanPath: files["application_scan"]),
                            by: actor)
                    }
                } catch let error as CoreError where error.status != .forbidden {
                    return try removalForm(request, context, typed: form.fields, error: error, status: error.status)
                }
                return Redirect.to("/web/portal?done=filed")
            },
            APIRoute(.post, "/web/portal/removals/{number}/cancel", .signedIn, .fileRemoval) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.equipment.cancelRemoval(
                    try RemovalNumber(try Input.text("number", context)), reason: "客户撤回 / withdrawn by the client",
                    by: try context.actor(core))
                return Redirect.to("/web/portal?done=cancelled")
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
        let parameters = core.policy.parameters
        let earliest = core.clock.now().addingTimeInterval(TimeInterval(parameters.temporaryEntryMinNoticeHours) * 3600)
        var view: [String: Any] = [
            "clients": try core.registry.clients(by: actor).map {
                Views.Option(value: String($0.id), label: $0.name, selected: typed["client_id"] == String($0.id))
            },
            "hosts": try core.registry.people(by: actor).filter { $0.person.status == .active && $0.person.mayHost }.map {
                Views.Option(
                    value: String($0.person.id), label: "\($0.person.name) \($0.person.maskedIDNumber)",
                    selected: typed["host_person_id"] == String($0.person.id))
            },
            "hours": parameters.temporaryEntryMinNoticeHours, "longest": parameters.temporaryEntryMaxWindowHours,
            "earliest": PortalForms.pickerTime(earliest, in: page.zone), "zone": page.zone.identifier,
            "visitors": PortalForms.rows(typed, prefix: "visitor", count: PortalForms.visitorRows, page),
            "typed": typed,
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("portal-visit", view, status: status, path: "/web/portal/visit")
    }

    /// Q4/Q5: the items offered are those `removableItems` says no open removal holds.
    private func removalForm(
        _ request: Request, _ context: AppRequestContext, typed: [String: String], error: CoreError?, status: HTTPResponse.Status
    ) throws -> Response {
        let actor = try context.actor(core)
        let page = Page(Bilingual(zh: "提交设备搬出申请", en: "File an equipment removal request"), request, context, core)
        let clients = try core.registry.clients(by: actor)
        let items = try clients.flatMap { try core.equipment.removableItems(clientId: $0.id, by: actor) }
        let kind = typed["kind"] ?? RemovalRequest.Kind.repair.rawValue
        var view: [String: Any] = [
            "clients": clients.map { Views.Option(value: String($0.id), label: $0.name, selected: typed["client_id"] == String($0.id)) },
            "kinds": RemovalRequest.Kind.allCases.reversed().map {
                Views.Option(
                    value: $0.rawValue, label: "\(page.t($0.title)) (\($0.clause.rawValue))", selected: kind == $0.rawValue)
            },
            "items": items.map {
                [
                    "number": $0.item.number, "description": "\($0.item.brand) \($0.item.model) \($0.item.serial ?? "")",
                    "checked": typed["item_\($0.item.number)"] != nil,
                ] as [String: Any]
            },
            "today": core.today.description, "date": typed["removal_date"] ?? core.today.description,
            "company": typed["company_name"] ?? clients.first?.name ?? "",
            "movers": PortalForms.rows(typed, prefix: "mover", count: PortalForms.moverRows, page),
        ]
        if let error { view["error"] = ErrorView(error, page) }
        return page.render("portal-removal", view, status: status, path: "/web/portal/removal")
    }
}

/// The portal's forms with several people (visitors, movers): numbered rows of name, ID type
/// and number; a row left empty is no one.
enum PortalForms {
    static let visitorRows = 6
    static let moverRows = 4

    struct Typed {
        let row: Int
        let name: String?
        let idType: String
        let idNumber: String?
    }

    static func people(_ form: WebForm, prefix: String, rows: Int) -> [Typed] {
        (1...rows).compactMap { row in
            let name = form.text("\(prefix)_name_\(row)")
            let number = form.text("\(prefix)_id_\(row)")
            guard name != nil || number != nil else { return nil }
            return Typed(
                row: row, name: name, idType: form.text("\(prefix)_id_type_\(row)") ?? IDDocumentType.residentID.rawValue,
                idNumber: number)
        }
    }

    static func rows(_ typed: [String: String], prefix: String, count: Int, _ page: Page) -> [[String: Any]] {
        (1...count).map { row in
            let type = typed["\(prefix)_id_type_\(row)"] ?? IDDocumentType.residentID.rawValue
            return [
                "n": row, "first": row == 1, "name": typed["\(prefix)_name_\(row)"] ?? "",
                "number": typed["\(prefix)_id_\(row)"] ?? "",
                "types": IDDocumentType.allCases.map {
                    Views.Option(value: $0.rawValue, label: page.t($0.name), selected: $0.rawValue == type)
                },
            ]
        }
    }

    /// What `<input type="datetime-local">` reads: `2026-12-02T14:30`, in the site's zone.
    static func pickerTime(_ date: Date, in zone: TimeZone) -> String {
        SiteTime.format(date, in: zone).replacingOccurrences(of: " ", with: "T")
    }
}
