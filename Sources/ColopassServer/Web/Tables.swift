import ColopassCore
import Foundation

/// The tables pages share. Every value is escaped; ID numbers arrive masked.
enum Tables {
    static func table(_ header: [String], _ rows: [[String]], id: String? = nil) -> String {
        let head = header.map { "<th>\(h($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table\(id.map { " id=\"\($0)\"" } ?? "")><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }

    static func time(_ date: Date?, _ zone: TimeZone) -> String {
        date.map { h(EntryWindow.timestamp($0, in: zone)) } ?? "—"
    }

    static func clients(_ clients: [Client], _ page: Page) -> String {
        table(
            [page.t("编号", "No."), page.t("名称", "Name"), page.t("类型", "Kind"), page.t("状态", "Status")],
            clients.map {
                [
                    String($0.id), "<a href=\"/web/clients/\($0.id)\">\(h($0.name))</a>",
                    h($0.kind == .company ? page.t("公司", "company") : page.t("个人", "individual")), status($0.status.rawValue, page),
                ]
            }, id: "clients")
    }

    static func contracts(_ contracts: [Contract], _ page: Page) -> String {
        table(
            [page.t("合同号", "Number"), page.t("期限", "Term"), page.t("机柜", "Racks"), page.t("状态", "Status")],
            contracts.map { [h($0.number), h("\($0.startsOn) – \($0.endsOn)"), h($0.racks), status($0.status.rawValue, page)] })
    }

    static func people(_ people: [PersonView], _ page: Page, issue: Bool) -> String {
        table(
            [
                page.t("姓名", "Name"), page.t("证件", "ID"), page.t("照片/复印件/介绍信", "Photo/ID copy/letter"),
                page.t("状态", "Status"), "",
            ],
            people.map { view in
                let p = view.person
                let docs = [p.photo, p.idCopy, p.letter].map { $0 == nil ? "✗" : "✓" }.joined(separator: " ")
                let action =
                    issue && p.status == .active
                    ? page.form(
                        "/web/cards", "<input type=\"hidden\" name=\"person_id\" value=\"\(p.id)\">",
                        button: Bilingual(zh: "办理出入证", en: "Issue card")) : ""
                return [h(p.name), h(p.maskedIDNumber), docs, status(p.status.rawValue, page), action]
            }, id: "people")
    }

    static func cards(_ cards: [CardView], _ page: Page) -> String {
        table(
            [page.t("证号", "Number"), page.t("持证人", "Holder"), page.t("客户", "Client"), page.t("有效期至", "Valid until"), page.t("状态", "Status")],
            cards.map {
                [
                    "<a href=\"/web/cards/\(h($0.card.number))\">\(h($0.card.number))</a>", h($0.holderName),
                    h($0.clientName), h(String($0.card.validUntil.formatted(.iso8601).prefix(10))), status($0.status, page),
                ]
            }, id: "cards")
    }

    static func cardDetail(_ view: CardView, _ page: Page, _ zone: TimeZone) -> String {
        let c = view.card
        return table(
            [page.t("项目", "Field"), page.t("内容", "Value")],
            [
                [h(page.t("证号", "Number")), h(c.number)], [h(page.t("持证人", "Holder")), h("\(view.holderName) \(view.holderMaskedID)")],
                [h(page.t("客户", "Client")), h(view.clientName)], [h(page.t("状态", "Status")), "<span id=\"status\">\(status(view.status, page))</span>"],
                [h(page.t("代", "Generation")), String(c.generation)],
                [h(page.t("有效期", "Validity")), "\(time(c.validFrom, zone)) – \(time(c.validUntil, zone))"],
                [h(page.t("签发", "Issued")), "\(time(c.issuedAt, zone)) \(h(c.issuedBy))"],
            ], id: "card")
    }

    static func visits(_ views: [VisitRequestView], _ page: Page, _ zone: TimeZone, decide: Bool) -> String {
        table(
            [page.t("编号", "No."), page.t("客户", "Client"), page.t("时段", "Window"), page.t("人员", "People"), page.t("事由", "Reason"), page.t("状态", "Status"), ""],
            views.map { v in
                var actions = ""
                if decide, v.request.status == .filed {
                    actions =
                        page.form("/web/visits/\(v.request.id)/approve", "", button: Bilingual(zh: "批准", en: "Approve"))
                        + page.form(
                            "/web/visits/\(v.request.id)/reject",
                            "<input name=\"reason\" required placeholder=\"\(h(page.t("驳回原因", "reason")))\">",
                            button: Bilingual(zh: "驳回", en: "Reject"), danger: true)
                }
                return [
                    String(v.request.id), h(v.clientName),
                    h(EntryWindow.describe(from: v.request.windowStart, to: v.request.windowEnd, in: zone)),
                    h(v.visitors.map { "\($0.name) \($0.idNumber)" }.joined(separator: "、")), h(v.request.reason),
                    status(v.status, page) + (v.request.decisionReason.map { " (\(h($0)))" } ?? ""),
                    actions,
                ]
            }, id: "visits")
    }

    static func emergencies(_ views: [EmergencyView], _ page: Page, _ zone: TimeZone, review: Bool) -> String {
        table(
            [page.t("编号", "No."), page.t("客户", "Client"), page.t("时段", "Window"), page.t("事由", "Reason"), page.t("批准", "Approved by"), page.t("复核", "Review"), ""],
            views.map { v in
                let action =
                    review && v.awaitingReview
                    ? page.form(
                        "/web/emergencies/\(v.entry.id)/review",
                        "<input name=\"note\" required placeholder=\"\(h(page.t("复核意见", "note")))\">",
                        button: Bilingual(zh: "复核", en: "Review")) : ""
                return [
                    String(v.entry.id), h(v.clientName),
                    h(EntryWindow.describe(from: v.entry.windowStart, to: v.entry.windowEnd, in: zone)), h(v.entry.reason),
                    h(v.entry.approvedBy),
                    v.awaitingReview ? h(page.t("待复核", "awaiting")) : h("\(v.entry.reviewedBy ?? "") \(v.entry.reviewNote ?? "")"),
                    action,
                ]
            }, id: "emergencies")
    }

    static func removals(_ views: [RemovalView], _ page: Page) -> String {
        table(
            [page.t("编号", "No."), page.t("类型", "Kind"), page.t("设备", "Items"), page.t("出门日期", "Date"), page.t("状态", "Status"), page.t("出门条", "Exit slip")],
            views.map { v in
                [
                    h(v.request.number), h(page.t(v.request.kind.title)),
                    h(v.items.map(\.description).joined(separator: "、")), h(v.request.removalDate.description),
                    status(v.request.status.rawValue, page) + (v.request.rejectReason.map { " (\(h($0)))" } ?? ""),
                    h(v.exitSlip?.number ?? "—"),
                ]
            }, id: "removals")
    }

    /// Our own renderer's SVG, without its XML declaration, to sit inside the page.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }
}
