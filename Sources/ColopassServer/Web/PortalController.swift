import ColopassCore
import Foundation
import Hummingbird

/// The client portal: a client user's own cards (report a loss), temporary entry requests filed
/// with the sealed letter, and their status. The core keeps it to the user's own client (R3).
struct PortalController: Sendable {
    let core: Core

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/portal", .signedIn, .viewRegistry) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "客户门户", en: "Client portal"), request, context)
                Notes.done(request, &page)
                page.add("<h2>\(h(page.t("出入证", "Cards")))</h2>")
                page.add(Tables.cards(try core.cards.cards(by: actor), page))
                page.add("<h2>\(h(page.t("临时进入申请", "Temporary entry requests")))</h2>")
                page.add("<p><a id=\"file-visit\" href=\"/web/portal/visit\">\(h(page.t("提交新申请", "File a new request")))</a></p>")
                let zone = core.policy.site.timeZone
                let visits = try core.passes.visitRequests(by: actor)
                page.add(Tables.visits(visits, page, zone, decide: false))
                let cancellable = visits.filter { $0.request.status == .filed && $0.request.requestedBy == actor.name }
                for view in cancellable {
                    page.add(
                        page.form(
                            "/web/portal/visits/\(view.request.id)/cancel", "",
                            button: Bilingual(zh: "撤销申请 \(view.request.id)", en: "Withdraw request \(view.request.id)")))
                }
                page.add("<h2>\(h(page.t("设备出门申请", "Equipment removal requests")))</h2>")
                page.add("<p><a id=\"file-removal\" href=\"/web/portal/removal\">\(h(page.t("提交出门申请", "File a removal request")))</a></p>")
                page.add(Tables.removals(try core.equipment.removals(by: actor), page))
                return page.response(path: "/web/portal")
            },
            APIRoute(.get, "/web/portal/visit", .signedIn) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "提交临时进入申请", en: "File a temporary entry request"), request, context)
                let clients = try core.registry.clients(by: actor)
                let options = clients.map { "<option value=\"\($0.id)\">\(h($0.name))</option>" }.joined()
                let hours = core.policy.parameters.temporaryEntryMinNoticeHours
                page.add(
                    """
                    <p class="note">\(h(page.t("须至少提前 \(hours) 小时提交，并附加盖公章的介绍信扫描件（JPEG、PNG 或 PDF）。", "File at least \(hours) hours ahead, with the scan of the sealed letter (JPEG, PNG or PDF).")))</p>
                    """)
                let fields = """
                    <fieldset>
                    <label>\(h(page.t("客户", "Client"))) <select name="client_id">\(options)</select></label>
                    <label>\(h(page.t("事由", "Reason"))) <input name="reason" id="reason" required></label>
                    <label>\(h(page.t("开始（本站时间）", "Start (site time)"))) <input name="window_start" id="window_start" placeholder="2026-06-16 09:00" required></label>
                    <label>\(h(page.t("结束", "End"))) <input name="window_end" id="window_end" placeholder="2026-06-16 12:00" required></label>
                    <label>\(h(page.t("人员姓名", "Visitor's name"))) <input name="visitor_name" id="visitor_name" required></label>
                    <label>\(h(page.t("身份证号", "Resident ID number"))) <input name="visitor_id" id="visitor_id" required></label>
                    <label>\(h(page.t("介绍信扫描件", "Sealed letter scan"))) <input type="file" name="letter" id="letter" accept="image/jpeg,image/png,application/pdf"></label>
                    </fieldset>
                    """
                page.add(page.form("/web/portal/visit", fields, button: Bilingual(zh: "提交", en: "File"), multipart: true))
                return page.response(path: "/web/portal/visit")
            },
            APIRoute(.post, "/web/portal/visit", .signedIn, .fileVisitRequest) { request, context in
                let form = try await WebForm.read(request, context, core)
                let actor = try context.actor(core)
                let zone = core.policy.site.timeZone
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
                return Redirect.to("/web/portal?done=filed")
            },
            APIRoute(.get, "/web/portal/removal", .signedIn) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "提交设备出门申请", en: "File an equipment removal request"), request, context)
                let clients = try core.registry.clients(by: actor)
                let items = try core.equipment.inventory(by: actor)
                let options = clients.map { "<option value=\"\($0.id)\">\(h($0.name))</option>" }.joined()
                let boxes = items.map {
                    "<label><input type=\"checkbox\" name=\"item_\(h($0.item.number))\" value=\"\(h($0.item.number))\"> \(h($0.item.number)) \(h($0.item.brand)) \(h($0.item.model)) \(h($0.item.serial ?? ""))</label>"
                }.joined()
                let fields = """
                    <fieldset>
                    <label>\(h(page.t("客户", "Client"))) <select name="client_id">\(options)</select></label>
                    <label>\(h(page.t("类型", "Kind"))) <select name="kind" id="kind"><option value="repair">\(h(page.t("维修出门 (Q5)", "Repair (Q5)")))</option><option value="decommission">\(h(page.t("退租出门 (Q4)", "Decommission (Q4)")))</option></select></label>
                    <div id="items">\(boxes.isEmpty ? h(page.t("没有在架设备", "No equipment on site")) : boxes)</div>
                    <label>\(h(page.t("出门日期", "Removal date"))) <input name="removal_date" id="removal_date" placeholder="\(core.today)" required></label>
                    <label>\(h(page.t("申请单位", "Company"))) <input name="company_name" id="company_name" value="\(h(clients.first?.name ?? ""))"></label>
                    <label>\(h(page.t("搬运人员姓名", "Mover's name"))) <input name="mover_name" id="mover_name"></label>
                    <label>\(h(page.t("搬运人员身份证号", "Mover's resident ID"))) <input name="mover_id" id="mover_id"></label>
                    <label>\(h(page.t("搬运人员身份证复印件", "Mover's ID copy"))) <input type="file" name="mover_id_copy" id="mover_id_copy" accept="image/jpeg,image/png,application/pdf"></label>
                    <label>\(h(page.t("加盖公章的申请单扫描件", "Sealed application scan"))) <input type="file" name="application_scan" id="application_scan" accept="image/jpeg,image/png,application/pdf"></label>
                    </fieldset>
                    """
                page.add(page.form("/web/portal/removal", fields, button: Bilingual(zh: "提交", en: "File"), multipart: true))
                return page.response(path: "/web/portal/removal")
            },
            APIRoute(.post, "/web/portal/removal", .signedIn, .fileRemoval) { request, context in
                let form = try await WebForm.read(request, context, core)
                let actor = try context.actor(core)
                guard let kind = RemovalRequest.Kind(rawValue: try form.require("kind")) else {
                    throw CoreError.invalid("kind", zh: "应为 decommission 或 repair", en: "decommission or repair")
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
                return Redirect.to("/web/portal?done=filed")
            },
            APIRoute(.post, "/web/portal/visits/{id}/cancel", .signedIn, .fileVisitRequest) { request, context in
                _ = try await WebForm.read(request, context, core)
                _ = try core.passes.cancelVisitRequest(try Input.id("id", context), by: try context.actor(core))
                return Redirect.to("/web/portal?done=cancelled")
            },
        ]
    }
}
