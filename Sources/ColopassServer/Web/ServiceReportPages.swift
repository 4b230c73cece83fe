import ColopassCore
import Foundation
import Hummingbird

/// The supervision report on a page (K9): a month or a week chosen, its totals, its lines by staff
/// member and by client and its faults, with the A4 print and the CSV from the same report; and
/// the holiday duty roster (K8), which a supervisor sets day by day.
extension ServiceDeskPages {
    var reportRoutes: [APIRoute] {
        [
            APIRoute(.get, "/web/reports/service", .signedIn, .viewServiceReports) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "服务监督报告", en: "Service supervision report"), request, context, core)
                let today = core.serviceDesk.today
                let week = Input.query("week", request)
                let month = Input.query("month", request) ?? (week == nil ? String(format: "%04d-%02d", today.year, today.month) : nil)
                let (span, period, query) =
                    if let month { (ServiceReport.Span.month, try ServicePeriod.month(month), "month=\(month)") }
                    else { (ServiceReport.Span.week, try ServicePeriod.week(week ?? ""), "week=\(week ?? "")") }
                let report = try core.serviceDesk.serviceReport(span: span, from: period.from, through: period.through, by: actor)
                return page.render(
                    "reports", ReportPage(report, month: month ?? "", week: week ?? "", query: query, page),
                    path: "/web/reports/service")
            },
            APIRoute(.get, "/web/duty", .signedIn, .handleTicket) { request, context in
                let actor = try context.actor(core)
                let page = Page(Bilingual(zh: "节假日值班", en: "Holiday duty roster"), request, context, core)
                let today = core.serviceDesk.today
                let shifts = try core.serviceDesk.duty(from: today, through: today.adding(days: 400), by: actor)
                let staff = try core.serviceDesk.staff(by: actor)
                let names = Dictionary(staff.map { ($0.name, $0.displayName) }) { first, _ in first }
                var days: [DutyDay] = []
                for holiday in core.policy.serviceDesk.holidays where holiday.to >= today {
                    var day = max(holiday.from, today)
                    while day <= holiday.to && days.count < 200 {
                        let on = shifts.filter { $0.day == day }.map(\.account)
                        days.append(
                            DutyDay(
                                day: day.description, holiday: page.t(holiday.name),
                                staff: on.map { names[$0] ?? $0 }.joined(separator: "、"),
                                names: on.joined(separator: ", "), empty: on.isEmpty))
                        day = day.adding(days: 1)
                    }
                }
                return page.render(
                    "duty",
                    DutyPage(
                        days: days, mayEdit: actor.may(.manageDutyRoster),
                        staff: staff.map { "\($0.name)（\($0.displayName)）" }.joined(separator: "　")),
                    path: "/web/duty")
            },
            APIRoute(.post, "/web/duty/{day}", .signedIn, .manageDutyRoster) { request, context in
                let form = try await WebForm.read(request, context, core)
                guard let day = Day(try Input.text("day", context)) else {
                    throw CoreError.invalid("day", zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD")
                }
                let names = (form.text("staff") ?? "").split(whereSeparator: { ",，、 \t".contains($0) }).map(String.init)
                _ = try core.serviceDesk.setDuty(on: day, staff: names, by: try context.actor(core))
                return Redirect.to("/web/duty?done=set")
            },
        ]
    }
}

struct DutyPage {
    let days: [DutyDay]
    let mayEdit: Bool
    let staff: String
}

struct DutyDay {
    let day, holiday, staff, names: String
    let empty: Bool
}

/// What the report page shows: the period's form, the totals and the lines in the reader's language.
struct ReportPage {
    let title, month, week, period, generated: String
    let printHref, csvHref: String
    let columns: [String]
    let totals: Row
    let byStaff: [Row]
    let byClient: [Row]
    let faults: [Fault]

    struct Row {
        let name: String
        let cells: [String]
    }

    struct Fault {
        let id: Int64
        let client, subject, at, resolved, written, delivered: String
        let open: Bool
    }

    init(_ report: ServiceReport, month: String, week: String, query: String, _ page: Page) {
        title = page.t(report.title)
        self.month = month
        self.week = week
        period = "\(report.from) — \(report.through)"
        generated = page.time(report.generatedAt)
        printHref = "/api/reports/service?\(query)&format=html"
        csvHref = "/api/reports/service?\(query)&format=csv"
        columns = ServiceReport.columns.map { page.t($0.zh, $0.en) }
        func row(_ line: ServiceReport.Line, name: String? = nil) -> Row {
            Row(name: name ?? (line.name.isEmpty ? "—" : line.name), cells: ServiceReport.columns.map { String(line[keyPath: $0.value]) })
        }
        totals = row(report.totals, name: page.t("合计", "Total"))
        byStaff = report.byStaff.map { row($0) }
        byClient = report.byClient.map { row($0) }
        faults = report.faults.map {
            Fault(
                id: $0.ticketId, client: $0.clientName, subject: $0.subject, at: page.time($0.faultAt),
                resolved: page.time($0.resolvedAt), written: page.time($0.analysisWrittenAt),
                delivered: page.time($0.analysisDeliveredAt), open: $0.open)
        }
    }
}
