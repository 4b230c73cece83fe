import ArgumentParser
import ColopassCore
import Foundation

/// K5 follow-up calls and K7 needs surveys.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "客户回访与需求调查 (K5, K7) / Follow-up calls and needs surveys (K5, K7)",
        subcommands: [FollowUpDueCommand.self, FollowUpRecordCommand.self, FollowUpSurveyCommand.self])
}

struct FollowUpDueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "到期和遗漏的回访 (K5) / Follow-up calls due and missed (K5)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "As of this site day (default today).") var on: String?

    func run() throws {
        let core = try global.openCore()
        let day = try on.map { text -> Day in
            guard let day = Day(text) else { throw CoreError.invalid("on", zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD") }
            return day
        }
        let due = try core.serviceDesk.followUpsDue(on: day, by: try global.actor(core))
        if global.json { return Output.json(due) }
        Output.table(
            ["客户/client", "名称/name", "回访日/due", "客户经理/manager", "状态/status"],
            due.map {
                [
                    String($0.clientId), $0.clientName, $0.dueOn.description, $0.accountManager ?? "—",
                    $0.overdue ? "遗漏 / missed (K5)" : "到期 / due",
                ]
            })
    }
}

struct FollowUpRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "记录一次回访 (K5) / Record a follow-up call (K5)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Client id.") var client: Int64
    @Option(help: "What the client said.") var note: String

    func run() throws {
        let core = try global.openCore()
        let call = try core.serviceDesk.recordFollowUp(clientId: client, note: note, by: try global.actor(core))
        if global.json { return Output.json(call) }
        print("已记录回访 / call recorded: \(call.id)  客户 / client \(call.clientId)  回访日 / due \(call.dueOn)")
    }
}

struct FollowUpSurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "年度需求调查：列出或记录 (K7) / Needs surveys: list, or record one (K7)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Record the survey of this client.") var client: Int64?
    @Option(help: "What the survey found.") var note: String?
    @Option(help: "Survey year (default next year).") var year: Int?

    func run() throws {
        let core = try global.openCore()
        let actor = try global.actor(core)
        if let client {
            let survey = try core.serviceDesk.recordNeedsSurvey(clientId: client, year: year, note: note ?? "", by: actor)
            if global.json { return Output.json(survey) }
            print("已记录需求调查 / survey recorded: 客户 / client \(survey.clientId)  \(survey.year)")
            return
        }
        let surveys = try core.serviceDesk.needsSurveys(year: year, by: actor)
        if global.json { return Output.json(surveys) }
        let zone = core.policy.site.timeZone
        Output.table(
            ["客户/client", "年度/year", "完成/done", "记录人/by"],
            surveys.map {
                [String($0.clientId), String($0.year), $0.doneAt.map { SiteTime.format($0, in: zone) } ?? "待办 / to do", $0.doneBy ?? ""]
            })
    }
}

/// K8: the holiday duty roster.
struct DutyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty", abstract: "节假日值班表 (K8) / Holiday duty roster (K8)",
        subcommands: [DutySetCommand.self, DutyListCommand.self, DutyHolidaysCommand.self])
}

struct DutySetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "排定某节假日的值班人员 (K8) / Set a holiday's duty staff (K8)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The holiday (YYYY-MM-DD).") var day: String
    @Option(help: "Staff on duty (repeat).") var staff: [String] = []

    func run() throws {
        let core = try global.openCore()
        guard let day = Day(day) else { throw CoreError.invalid("day", zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD") }
        let shifts = try core.serviceDesk.setDuty(on: day, staff: staff, by: try global.actor(core))
        if global.json { return Output.json(shifts) }
        print("值班 / on duty \(day): \(shifts.map(\.account).joined(separator: ", "))")
    }
}

struct DutyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "值班表 / The roster")
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day (default today).") var from: String?
    @Option(help: "Last day (default a year on).") var through: String?

    func run() throws {
        let core = try global.openCore()
        let start = try from.map { try DutyListCommand.day($0, "from") } ?? core.serviceDesk.today
        let end = try through.map { try DutyListCommand.day($0, "through") } ?? start.adding(days: 366)
        let shifts = try core.serviceDesk.duty(from: start, through: end, by: try global.actor(core))
        if global.json { return Output.json(shifts) }
        Output.table(
            ["日期/day", "节日/holiday", "值班/on duty"],
            shifts.map { [$0.day.description, core.policy.serviceDesk.holiday(on: $0.day)?.name.zh ?? "", $0.account] })
    }

    static func day(_ text: String, _ field: String) throws -> Day {
        guard let day = Day(text) else { throw CoreError.invalid(field, zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD") }
        return day
    }
}

struct DutyHolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "策略中的节假日 (K8) / The policy's holidays (K8)")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let policy = try Policy.load(contentsOf: global.resolvedPolicyPath)
        if global.json { return Output.json(policy.serviceDesk.holidays) }
        Output.table(
            ["节日/holiday", "自/from", "至/to"],
            policy.serviceDesk.holidays.map { ["\($0.name.zh) / \($0.name.en)", $0.from.description, $0.to.description] })
    }
}

/// K9: reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "报告 / Reports", subcommands: [ServiceReportCommand.self])
}

struct ServiceReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "服务监督报告（月报、周报）(K9) / Service supervision report, monthly or weekly (K9)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The month, YYYY-MM.") var month: String?
    @Option(help: "The week, YYYY-Www or any day in it (YYYY-MM-DD).") var week: String?
    @Option(help: "Folder for the HTML and CSV files (default reports).") var out: String = "reports"

    func validate() throws {
        guard (month == nil) != (week == nil) else { throw ValidationError("give --month or --week (one of them)") }
    }

    func run() throws {
        let core = try global.openCore()
        let (span, period, name): (ServiceReport.Span, (from: Day, through: Day), String) =
            if let month { (.month, try ServicePeriod.month(month), "service-\(month)") }
            else { (.week, try ServicePeriod.week(week!), "service-week-\(week!)") }
        let report = try core.serviceDesk.serviceReport(
            span: span, from: period.from, through: period.through, by: try global.actor(core))
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let html = (out as NSString).appendingPathComponent(name + ".html")
        let csv = (out as NSString).appendingPathComponent(name + ".csv")
        try Data(report.html(core.policy).utf8).write(to: URL(fileURLWithPath: html))
        try Data(report.csv(in: core.policy.site.timeZone).utf8).write(to: URL(fileURLWithPath: csv))
        if global.json { return Output.json(report) }
        print("\(report.title.zh) / \(report.title.en)")
        Output.table(
            ["名称/name"] + ServiceReport.columns.map(\.zh),
            ([report.totals] + report.byStaff).map { line in [line.name] + ServiceReport.columns.map { String(line[keyPath: $0.value]) } })
        print(html)
        print(csv)
    }
}
