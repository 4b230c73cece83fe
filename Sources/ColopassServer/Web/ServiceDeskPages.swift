import ColopassCore
import Foundation
import Hummingbird

/// The service desk's pages (K1–K8): the desk (my tickets, overdue first; escalations for
/// supervisors; follow-up calls due), a ticket with its history, and the client's portal page
/// where it files requests, complaints and fault reports and follows them. The fault analysis
/// report prints from `/api/tickets/{id}/analysis` (A4).
struct ServiceDeskPages: Sendable {
    let core: Core

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/web/desk", .signedIn, .handleTicket) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "客服台", en: "Service desk"), request, context)
                let zone = core.policy.site.timeZone
                page.add("<h2>\(h(page.t("我的工单（逾期在前）", "My tickets (overdue first)")))</h2>")
                page.add(Self.table(try core.serviceDesk.tickets(TicketFilter(owner: actor.name, unresolved: true), by: actor), page, zone))
                if actor.role == .supervisor {
                    page.add("<h2>\(h(page.t("已升级（逾期）", "Escalated (overdue)")))</h2>")
                    page.add(Self.table(try core.serviceDesk.overdueTickets(by: actor), page, zone))
                }
                let today = core.serviceDesk.today
                let due = try core.serviceDesk.followUpsDue(by: actor).filter { $0.dueOn <= today }
                page.add("<h2>\(h(page.t("到期回访", "Follow-up calls due")))</h2>")
                let rows = due.map {
                    "<tr><td>\(h($0.clientName))</td><td>\($0.dueOn)</td><td>\(h($0.accountManager ?? "—"))</td>"
                        + "<td>\(h($0.overdue ? page.t("遗漏 (K5)", "missed (K5)") : page.t("到期", "due")))</td></tr>"
                }.joined()
                page.add(
                    "<table><tr><th>\(h(page.t("客户", "Client")))</th><th>\(h(page.t("回访日", "Due")))</th>"
                        + "<th>\(h(page.t("客户经理", "Manager")))</th><th></th></tr>\(rows)</table>")
                return page.response(path: "/web/desk")
            },
            APIRoute(.get, "/web/tickets/{id}", .signedIn, .viewTickets) { request, context in
                let view = try core.serviceDesk.ticket(try Input.id("id", context), by: try context.actor(core))
                let zone = core.policy.site.timeZone
                let t = view.ticket
                var page = Page(Bilingual(zh: "工单 #\(t.id)", en: "Ticket #\(t.id)"), request, context)
                Notes.done(request, &page)
                page.add(
                    """
                    <p><strong>\(h(t.subject))</strong> · \(h(page.t(t.kind.title))) · \(h(view.clientName)) · \
                    \(h(page.t(t.state.title))) · \(h(page.t("负责人", "owner"))): \(h(t.owner ?? "—"))</p>
                    """)
                if !view.overdue.isEmpty {
                    page.add("<p class=\"note\">\(h(view.overdue.map { "\(page.t($0.title)) [\($0.clause)]" }.joined(separator: ", ")))</p>")
                }
                let events = view.events.map {
                    "<tr><td>\(SiteTime.format($0.at, in: zone))</td><td>\(h(page.t($0.kind.title)))</td>"
                        + "<td>\(h($0.actor))\($0.target.map { " → " + h($0) } ?? "")</td><td>\(h($0.text))</td></tr>"
                }.joined()
                page.add("<table>\(events)</table>")
                if view.analysis != nil {
                    page.add("<p><a id=\"analysis\" href=\"/api/tickets/\(t.id)/analysis\">\(h(page.t("故障分析报告（A4 打印）", "Fault analysis report (print A4)")))</a></p>")
                }
                if t.state != .resolved {
                    page.add(
                        page.form(
                            "/web/tickets/\(t.id)/log", "<input name=\"words\" required placeholder=\"\(h(page.t("客户所说", "what the client said")))\">",
                            button: Bilingual(zh: "记录", en: "Log")))
                }
                return page.response(path: "/web/tickets/\(t.id)")
            },
            APIRoute(.post, "/web/tickets/{id}/log", .signedIn, .fileTicket) { request, context in
                let form = try await WebForm.read(request, context, core)
                let id = try Input.id("id", context)
                _ = try core.serviceDesk.log(id, words: try form.require("words"), by: try context.actor(core))
                return Redirect.to("/web/tickets/\(id)?done=logged")
            },
            APIRoute(.get, "/web/portal/tickets", .signedIn, .viewTickets) { request, context in
                let actor = try context.actor(core)
                var page = Page(Bilingual(zh: "我的工单", en: "My tickets"), request, context)
                Notes.done(request, &page)
                page.add(Self.table(try core.serviceDesk.tickets(by: actor), page, core.policy.site.timeZone))
                let kinds = Ticket.Kind.allCases.map { "<option value=\"\($0.rawValue)\">\(h(page.t($0.title)))</option>" }.joined()
                page.add("<h2>\(h(page.t("提交请求、投诉或故障", "File a request, complaint or fault")))</h2>")
                page.add(
                    page.form(
                        "/web/portal/tickets",
                        """
                        <input type="hidden" name="client_id" value="\(actor.clientId ?? 0)">\
                        <select name="kind">\(kinds)</select>\
                        <input name="subject" required placeholder="\(h(page.t("主题", "subject")))">\
                        <textarea name="words" required placeholder="\(h(page.t("详细说明", "details")))"></textarea>\
                        <input name="fault_at" placeholder="\(h(page.t("故障时间 YYYY-MM-DD HH:MM", "fault time YYYY-MM-DD HH:MM")))">\
                        <input name="fault_place" placeholder="\(h(page.t("故障地点", "fault place")))">\
                        <input name="fault_symptom" placeholder="\(h(page.t("故障现象", "symptom")))">\
                        <input name="fault_plan" placeholder="\(h(page.t("已采取或希望的处理", "handling so far or wanted")))">
                        """, button: Bilingual(zh: "提交", en: "File")))
                return page.response(path: "/web/portal/tickets")
            },
            APIRoute(.post, "/web/portal/tickets", .signedIn, .fileTicket) { request, context in
                let form = try await WebForm.read(request, context, core)
                let zone = core.policy.site.timeZone
                guard let kind = Ticket.Kind(rawValue: try form.require("kind")) else {
                    throw CoreError.invalid("kind", zh: "应为请求、投诉或故障", en: "request, complaint or fault")
                }
                let fault = kind == .fault
                    ? FaultDetails(
                        at: try form.text("fault_at").map { try SiteTime.parse($0, in: zone, field: "fault_at") },
                        place: form.text("fault_place"), symptom: form.text("fault_symptom"), plan: form.text("fault_plan"))
                    : nil
                let view = try core.serviceDesk.open(
                    NewTicket(
                        clientId: try form.int("client_id"), kind: kind, channel: .portal,
                        subject: try form.require("subject"), words: try form.require("words"), fault: fault),
                    by: try context.actor(core))
                return Redirect.to("/web/tickets/\(view.ticket.id)?done=filed")
            },
        ]
    }

    static func table(_ list: [TicketSummary], _ page: Page, _ zone: TimeZone) -> String {
        let rows = list.map { s in
            "<tr><td><a href=\"/web/tickets/\(s.ticket.id)\">#\(s.ticket.id)</a></td><td>\(h(page.t(s.ticket.kind.title)))</td>"
                + "<td>\(h(s.clientName))</td><td>\(h(s.ticket.subject))</td><td>\(h(page.t(s.ticket.state.title)))</td>"
                + "<td>\(h(s.ticket.owner ?? "—"))</td><td>\(SiteTime.format(s.ticket.openedAt, in: zone))</td>"
                + "<td>\(h(s.overdue.map { page.t($0.title) }.joined(separator: ", ")))</td></tr>"
        }.joined()
        return """
            <table><tr><th>#</th><th>\(h(page.t("类型", "Kind")))</th><th>\(h(page.t("客户", "Client")))</th>\
            <th>\(h(page.t("主题", "Subject")))</th><th>\(h(page.t("状态", "State")))</th><th>\(h(page.t("负责人", "Owner")))</th>\
            <th>\(h(page.t("受理", "Opened")))</th><th>\(h(page.t("逾期", "Overdue")))</th></tr>\(rows)</table>
            """
    }
}
