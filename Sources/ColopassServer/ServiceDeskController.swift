import ColopassCore
import Foundation
import Hummingbird

/// The service desk's other work: account managers (K6), follow-up calls (K5), needs surveys
/// (K7), the holiday duty roster (K8) and the service supervision report (K9).
struct ServiceDeskController: Sendable {
    let core: Core

    struct ManagerRequest: Decodable { var account: String }
    struct FollowUpRequest: Decodable {
        var clientId: Int64
        var note: String
    }
    struct SurveyRequest: Decodable {
        var clientId: Int64
        var year: Int?
        var note: String
    }
    struct DutyRequest: Decodable { var staff: [String] }

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/api/account-managers/{client}", .signedIn, .viewTickets) { _, context in
                let client = try Input.id("client", context)
                guard let manager = try core.serviceDesk.accountManager(clientId: client, by: try context.actor(core)) else {
                    throw CoreError.notFound(entity: "account_manager", key: String(client))
                }
                return try Reply.json(manager)
            },
            APIRoute(.put, "/api/account-managers/{client}", .signedIn, .assignAccountManager) { request, context in
                let body = try await Input.json(ManagerRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.assignAccountManager(
                        clientId: try Input.id("client", context), account: body.account, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/follow-ups", .signedIn, .handleTicket) { request, context in
                let on: Day? = Input.query("on", request) == nil ? nil : try Input.day("on", request, default: core.serviceDesk.today)
                return try Reply.json(try core.serviceDesk.followUpsDue(on: on, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/follow-ups", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(FollowUpRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.recordFollowUp(clientId: body.clientId, note: body.note, by: try context.actor(core)),
                    status: .created)
            },
            APIRoute(.get, "/api/needs-surveys", .signedIn, .handleTicket) { request, context in
                let year = try Input.queryInt("year", request, atLeast: 2000).map { Int($0) }
                return try Reply.json(try core.serviceDesk.needsSurveys(year: year, by: try context.actor(core)))
            },
            APIRoute(.post, "/api/needs-surveys", .signedIn, .handleTicket) { request, context in
                let body = try await Input.json(SurveyRequest.self, from: request, core)
                return try Reply.json(
                    try core.serviceDesk.recordNeedsSurvey(
                        clientId: body.clientId, year: body.year, note: body.note, by: try context.actor(core)))
            },
            APIRoute(.get, "/api/duty", .signedIn, .handleTicket) { request, context in
                let from = try Input.day("from", request, default: core.serviceDesk.today)
                let through = try Input.day("through", request, default: from.adding(days: 366))
                return try Reply.json(try core.serviceDesk.duty(from: from, through: through, by: try context.actor(core)))
            },
            APIRoute(.put, "/api/duty/{day}", .signedIn, .manageDutyRoster) { request, context in
                let body = try await Input.json(DutyRequest.self, from: request, core)
                guard let day = Day(try Input.text("day", context)) else {
                    throw CoreError.invalid("day", zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD")
                }
                return try Reply.json(try core.serviceDesk.setDuty(on: day, staff: body.staff, by: try context.actor(core)))
            },
            // ?month=2026-11 or ?week=2026-W47; &format=json (default), csv or html.
            APIRoute(.get, "/api/reports/service", .signedIn, .viewServiceReports) { request, context in
                let span: ServiceReport.Span
                let period: (from: Day, through: Day)
                if let month = Input.query("month", request) {
                    (span, period) = (.month, try ServicePeriod.month(month))
                } else if let week = Input.query("week", request) {
                    (span, period) = (.week, try ServicePeriod.week(week))
                } else {
                    throw CoreError.invalid("month", zh: "请给出 month 或 week", en: "give month or week")
                }
                let actor = try context.actor(core)
                let report = try core.serviceDesk.serviceReport(
                    span: span, from: period.from, through: period.through, by: actor)
                switch Input.query("format", request) ?? "json" {
                case "json": return try Reply.json(report)
                case "csv":
                    return Reply.text(
                        report.csv(in: core.policy.site.timeZone), type: "text/csv; charset=utf-8",
                        filename: "service-\(period.from).csv")
                case "html": return Reply.text(report.html(core.policy), type: "text/html; charset=utf-8")
                default: throw CoreError.invalid("format", zh: "应为 json、csv 或 html", en: "json, csv or html")
                }
            },
        ]
    }
}
