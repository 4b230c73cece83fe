import ArgumentParser
import ColopassCore
import Foundation

struct TicketAnalysisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "故障分析报告：撰写、送交、打印 (K3) / Fault analysis report: write, deliver, print (K3)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Fault ticket id.") var id: Int64
    @Option(help: "Impact.") var impact: String?
    @Option(help: "How it was handled.") var handling: String?
    @Option(help: "Cause.") var cause: String?
    @Option(help: "Corrective actions.") var corrective: String?
    @Option(help: "Preventive actions.") var preventive: String?
    @Option(name: .customLong("deliver-to"), help: "Mark the written report delivered to this person at the client.")
    var deliverTo: String?
    @Option(help: "Write the printable A4 page (HTML) to this file.") var out: String?

    func run() throws {
        let core = try global.openCore()
        let actor = try global.actor(core)
        var view: TicketView
        let parts = [impact, handling, cause, corrective, preventive]
        if parts.contains(where: { $0 != nil }) {
            view = try core.serviceDesk.writeAnalysis(
                id,
                NewFaultAnalysis(
                    impact: impact ?? "", handling: handling ?? "", cause: cause ?? "", corrective: corrective ?? "",
                    preventive: preventive ?? ""), by: actor)
        } else {
            view = try core.serviceDesk.ticket(id, by: actor)
        }
        if let deliverTo { view = try core.serviceDesk.deliverAnalysis(id, to: deliverTo, by: actor) }
        if let out {
            guard let page = view.analysisHTML(core.policy) else {
                throw CoreError.invalid("out", zh: "该工单还没有分析报告", en: "the ticket has no analysis report yet")
            }
            try Data(page.utf8).write(to: URL(fileURLWithPath: out))
        }
        if global.json { return Output.json(view) }
        TicketOutput.show(view, core)
        if let out { print(out) }
    }
}

struct TicketContactFormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact-form", abstract: "补录工作联络单 (K4) / Record the work contact form (K4)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64
    @Option(help: "The form's number.") var reference: String

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.recordContactForm(id, reference: reference, by: actor) }
    }
}

struct TicketManagerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manager", abstract: "指定客户经理 (K6) / Name a client's account manager (K6)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Client id.") var client: Int64
    @Option(help: "The customer-service account (omit to show the current one).") var account: String?

    func run() throws {
        let core = try global.openCore()
        let actor = try global.actor(core)
        let manager = try account.map { try core.serviceDesk.assignAccountManager(clientId: client, account: $0, by: actor) }
            ?? core.serviceDesk.accountManager(clientId: client, by: actor)
        if global.json { return Output.json(manager) }
        print("客户经理 / account manager: \(manager?.account ?? "（未指定）/ (none)")")
    }
}

struct TicketClockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "运行一次时钟：升级逾期、年度需求调查 / Run the desk's clock once: escalate overdue, needs surveys")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let core = try global.openCore()
        let run = try core.serviceDesk.runClock()
        if global.json { return Output.json(run) }
        print("升级 / escalated: \(run.escalated)  需求调查 / surveys created: \(run.surveysCreated)")
    }
}

/// How tickets print.
enum TicketOutput {
    /// One ticket command's whole run: the action as the proven account, then the ticket as JSON
    /// or as the desk reads it.
    static func act(_ global: GlobalOptions, _ action: (ServiceDesk, Actor) throws -> TicketView) throws {
        let core = try global.openCore()
        let view = try action(core.serviceDesk, try global.actor(core))
        if global.json { return Output.json(view) }
        show(view, core)
    }

    static func show(_ view: TicketView, _ core: Core) {
        let zone = core.policy.site.timeZone
        let t = view.ticket
        func time(_ date: Date?) -> String { date.map { SiteTime.format($0, in: zone) } ?? "—" }
        var pairs: [(String, String)] = [
            ("工单 / ticket", "#\(t.id)  \(t.kind.title.zh) / \(t.kind.title.en)  \(t.subject)"),
            ("客户 / client", "\(view.clientName) (\(t.clientId))"),
            ("渠道 / channel", "\(t.channel.title.zh) / \(t.channel.title.en)"),
            ("状态 / state", "\(t.state.title.zh) / \(t.state.title.en)" + (t.closedAtOnce ? "  当场办结 / closed at once" : "")),
            ("负责人 / owner", t.owner ?? "（未分派）/ (unassigned)"),
            ("受理 / opened", "\(time(t.openedAt))  \(t.openedBy)" + (t.holiday ? "  节假日值班 / holiday duty" : "")),
        ]
        if t.replyDue != nil { pairs.append(("答复时限 / reply by", time(t.replyDue))) }
        if t.resolveDue != nil { pairs.append(("解决时限 / resolve by", time(t.resolveDue))) }
        if t.contactFormDue != nil {
            pairs.append(("联络单 / contact form", t.contactFormReference.map { "\($0) \(time(t.contactFormAt))" } ?? "须于 \(time(t.contactFormDue)) 前 / due by \(time(t.contactFormDue))"))
        }
        if t.kind == .fault {
            pairs.append(("故障 / fault", "\(time(t.faultAt))  \(t.faultPlace ?? "")  \(t.faultSymptom ?? "")"))
            pairs.append(("处理方案 / plan", t.faultPlan ?? ""))
            pairs.append((
                "分析报告 / analysis",
                view.analysis.map { a in a.deliveredAt.map { "已送交 / delivered \(time($0)) \(a.deliveredTo ?? "")" } ?? "已撰写，未送交 / written, not delivered" }
                    ?? "未撰写 / not written"))
        }
        if !view.overdue.isEmpty {
            pairs.append(("逾期 / overdue", view.overdue.map { "\($0.title.zh) / \($0.title.en) [\($0.clause)]" }.joined(separator: ", ")))
        }
        Output.fields(pairs)
        for event in view.events {
            let target = event.target.map { " → \($0)" } ?? ""
            print("  \(time(event.at))  \(event.kind.title.zh)/\(event.kind.title.en)  \(event.actor)\(target)  \(event.text)")
        }
    }

    static func list(_ list: [TicketSummary], _ core: Core) {
        let zone = core.policy.site.timeZone
        Output.table(
            ["编号/id", "类型/kind", "客户/client", "主题/subject", "状态/state", "负责人/owner", "受理/opened", "逾期/overdue"],
            list.map {
                [
                    "#\($0.ticket.id)", $0.ticket.kind.title.zh, $0.clientName, $0.ticket.subject, $0.ticket.state.title.zh,
                    $0.ticket.owner ?? "—", SiteTime.format($0.ticket.openedAt, in: zone),
                    $0.overdue.map(\.title.zh).joined(separator: ","),
                ]
            })
    }
}
