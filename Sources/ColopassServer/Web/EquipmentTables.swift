import ColopassCore
import Foundation

/// The equipment desk's tables. Actions appear only for roles the core's permission table lets
/// act; the core refuses the rest anyway.
enum EquipmentTables {
    static func workOrders(_ views: [WorkOrderView], _ page: Page, _ zone: TimeZone) -> String {
        Tables.table(
            [page.t("工单号", "No."), page.t("客户", "Client"), page.t("合同", "Contract"), page.t("计划上架", "Racking"), page.t("设备", "Items"), page.t("状态", "Status")],
            views.map { v in
                [
                    "<a href=\"/web/work-orders/\(h(v.order.number))\">\(h(v.order.number))</a>", h(v.clientName),
                    h(v.contractNumber), Tables.time(v.order.plannedAt, zone), String(v.lines.count),
                    Tables.status(v.order.status.rawValue, page),
                ]
            }, id: "work-orders")
    }

    static func workOrderLines(_ view: WorkOrderView, _ page: Page, _ zone: TimeZone, accept: Bool) -> String {
        let number = view.order.number
        var html = "<p>\(h(view.clientName)) · \(h(view.contractNumber)) · \(h(page.t("计划上架", "racking"))) \(Tables.time(view.order.plannedAt, zone)) · \(Tables.status(view.order.status.rawValue, page))</p>"
        html += Tables.table(
            [page.t("行", "Line"), page.t("类型", "Kind"), page.t("品牌型号", "Make and model"), page.t("序列号", "Serial"), page.t("数量", "Qty"), page.t("机位", "Rack/U"), page.t("状态", "Status"), ""],
            view.lines.map { line in
                var actions = ""
                if accept, line.status == .pending, view.order.status.isPending {
                    // A labelled unit is named by its serial; unlabelled parts by their line, with
                    // how many arrived.
                    let which =
                        line.serial.map { "<input type=\"hidden\" name=\"serial\" value=\"\(h($0))\">" }
                        ?? "<input type=\"hidden\" name=\"line\" value=\"\(line.lineNo)\">"
                    let quantity =
                        line.serial == nil ? "<input name=\"quantity\" size=\"3\" value=\"\(line.quantity)\">" : ""
                    actions =
                        page.form("/web/work-orders/\(number)/accept", which + quantity, button: Bilingual(zh: "验收", en: "Accept"))
                        + page.form(
                            "/web/work-orders/\(number)/refuse",
                            which + "<input name=\"reason\" required placeholder=\"\(h(page.t("拒收原因", "reason")))\">",
                            button: Bilingual(zh: "拒收", en: "Refuse"), danger: true)
                }
                return [
                    String(line.lineNo), h(page.t(line.kind.title)), h("\(line.brand) \(line.model)"), h(line.serial ?? "—"),
                    "\(line.acceptedQuantity)/\(line.quantity)", h("\(line.rack) U\(line.uPosition)"),
                    Tables.status(line.status.rawValue, page) + (line.reason.map { " (\(h($0)))" } ?? ""), actions,
                ]
            }, id: "lines")
        if accept, view.order.status.isPending {
            // Q2: whatever arrives that is not on the order is refused, and the refusal recorded.
            html += "<h2>\(h(page.t("工单外到货", "Arrivals not on the order")))</h2>"
            html += page.form(
                "/web/work-orders/\(number)/refuse",
                "<input name=\"description\" required size=\"40\" placeholder=\"\(h(page.t("品牌、型号、序列号", "make, model, serial")))\">",
                button: Bilingual(zh: "登记拒收", en: "Record refusal"), danger: true)
        }
        if !view.refusedArrivals.isEmpty {
            html += "<ul id=\"refused\">" + view.refusedArrivals.map { "<li>\(h($0.description))</li>" }.joined() + "</ul>"
        }
        return html
    }

    static func removalDesk(_ views: [RemovalView], _ page: Page, decide: Bool) -> String {
        Tables.table(
            [page.t("编号", "No."), page.t("客户", "Client"), page.t("类型", "Kind"), page.t("设备", "Items"), page.t("搬运人", "Movers"), page.t("出门日期", "Date"), page.t("状态", "Status"), ""],
            views.map { v in
                let number = v.request.number
                var actions = ""
                if decide, v.request.status == .filed || v.request.status == .checked {
                    let boxes = v.items.map { item in
                        item.serial.map {
                            "<label><input type=\"checkbox\" name=\"seen_\(h($0))\" value=\"\(h($0))\"> \(h($0))</label>"
                        } ?? "<label>\(h(item.model)) <input name=\"count_\(h(item.model.uppercased()))\" size=\"3\" placeholder=\"\(item.quantity)\"></label>"
                    }.joined()
                    actions += page.form(
                        "/web/removals/\(number)/check", boxes, button: Bilingual(zh: "核对设备", en: "Check the equipment"))
                }
                if decide, v.request.status == .checked {
                    actions += page.form("/web/removals/\(number)/approve", "", button: Bilingual(zh: "批准并开具出门条", en: "Approve and issue the exit slip"))
                }
                if decide, v.request.status == .filed || v.request.status == .checked {
                    actions += page.form(
                        "/web/removals/\(number)/reject",
                        "<input name=\"reason\" required placeholder=\"\(h(page.t("驳回原因", "reason")))\">",
                        button: Bilingual(zh: "驳回", en: "Reject"), danger: true)
                }
                let slip = v.exitSlip.map {
                    decide ? "<a href=\"/web/exit-slips/\(h($0.number))\">\(h($0.number))</a>" : h($0.number)
                }
                return [
                    h(number), h(v.clientName), h(page.t(v.request.kind.title)),
                    h(v.items.map(\.description).joined(separator: "、")),
                    h(v.movers.map { "\($0.name) \($0.maskedIDNumber)" }.joined(separator: "、")),
                    h(v.request.removalDate.description),
                    Tables.status(v.request.status.rawValue, page) + (slip.map { " · \($0)" } ?? ""), actions,
                ]
            }, id: "removals")
    }

    static func occupants(_ occupants: [SiteOccupant], _ page: Page, _ zone: TimeZone) -> String {
        Tables.table(
            [page.t("姓名", "Name"), page.t("凭证", "Credential"), page.t("进入时间", "In since"), page.t("门禁", "Gate")],
            occupants.map {
                [h($0.holderName), h("\(page.t($0.kind.title)) #\($0.credentialId)"), Tables.time($0.since, zone), h($0.gate)]
            }, id: "occupants")
    }
}
