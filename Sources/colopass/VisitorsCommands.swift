import ArgumentParser
import ColopassCore
import Foundation

struct VisitorsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "查看访客记录 / List the visitor log")
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day, YYYY-MM-DD (site time).") var from: String
    @Option(help: "Last day, YYYY-MM-DD.") var to: String
    @Option(help: "Only this client's.") var client: Int64?

    func run() throws {
        let core = try global.openCore()
        let rows = try core.passes.visitorLog(
            from: try VisitInput.day(from, field: "from"), to: try VisitInput.day(to, field: "to"), clientId: client,
            by: try global.actor(core))
        if global.json { return Output.json(rows) }
        let zone = core.policy.site.timeZone
        Output.table(
            ["时间/time", "事件/event", "类别/kind", "通行证/pass", "客户/client", "人员/visitor", "证件/ID", "门/gate", "记录人/by"],
            rows.map {
                [
                    SiteTime.format($0.entry.at, in: zone), $0.entry.event.rawValue, $0.entry.kind.rawValue,
                    $0.entry.passNumber ?? "", $0.clientName, $0.entry.visitorName, $0.entry.idMasked,
                    $0.entry.gate ?? "",
                    $0.entry.recordedBy,
                ]
            })
    }
}

struct VisitorsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "导出访客记录 CSV（证件号脱敏）/ Export the visitor log as CSV (IDs masked)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day, YYYY-MM-DD (site time).") var from: String
    @Option(help: "Last day, YYYY-MM-DD.") var to: String
    @Option(help: "Only this client's.") var client: Int64?
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Option(help: "Column headers: zh (default) or en.") var lang: String = "zh"

    func run() throws {
        let core = try global.openCore()
        let csv = try core.passes.exportVisitorLog(
            from: try VisitInput.day(from, field: "from"), to: try VisitInput.day(to, field: "to"), clientId: client,
            english: lang == "en", by: try global.actor(core))
        guard let out else { return FileHandle.standardOutput.write(Data(csv.utf8)) }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        print("已导出 / exported: \(out)")
    }
}

struct VisitorsPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "删除超过保存期的访客记录 (R4) / Delete log lines past the retention (R4)")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let core = try global.openCore()
        let deleted = try core.passes.purgeVisitorLog(by: try global.actor(core))
        if global.json { return Output.json(["deleted": deleted]) }
        print("已删除 / deleted: \(deleted)（保存期 / retention \(core.policy.parameters.visitorLogRetentionDays) 天 / days）")
    }
}
