import ArgumentParser
import ColopassCore
import Foundation

struct VisitRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "提交临时进入申请 (C7) / File a temporary entry request (C7)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Client id.") var client: Int64
    @Option(help: "Reason for entry, as the letter states it.") var reason: String
    @Option(help: "Window start, YYYY-MM-DD HH:MM site time (or ISO 8601 with a zone).") var from: String
    @Option(help: "Window end, same format.") var to: String
    @Option(help: "A person: NAME:NUMBER (resident ID) or NAME:TYPE:NUMBER. Repeat for each.")
    var visitor: [String] = []
    @Option(help: "Scan of the sealed letter (JPEG/PNG/PDF).") var letter: String?
    @Option(help: "Person id of the client's host for the visitors (granted may-host, C7).") var host: Int64?

    func run() throws {
        let core = try global.openCore()
        let visitors = try visitor.enumerated().map { try VisitInput.visitor($1, field: "visitor[\($0)]") }
        let view = try core.passes.fileVisitRequest(
            NewVisitRequest(
                clientId: client, reason: reason, windowStart: try VisitInput.time(from, field: "from", core),
                windowEnd: try VisitInput.time(to, field: "to", core), visitors: visitors, letterPath: letter,
                hostPersonId: host),
            by: try global.actor(core))
        if global.json { return Output.json(view) }
        print("临时进入申请已提交 / visit request filed: \(view.request.id)  \(view.visitors.count) 人 / people")
    }
}

struct VisitListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出申请 / List requests")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this client's.") var client: Int64?
    @Option(help: "filed | approved | rejected | cancelled") var status: String?

    func run() throws {
        let state = try status.map { text in
            guard let state = VisitRequest.Status(rawValue: text) else {
                throw CoreError.invalid(
                    "status", zh: "未知状态",
                    en: "one of \(VisitRequest.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return state
        }
        let core = try global.openCore()
        let views = try core.passes.visitRequests(clientId: client, status: state, by: try global.actor(core))
        if global.json { return Output.json(views) }
        let zone = core.policy.site.timeZone
        Output.table(
            ["编号/id", "客户/client", "时段/window", "人数/people", "状态/status", "申请人/by"],
            views.map {
                [
                    String($0.request.id), $0.clientName,
                    EntryWindow.describe(from: $0.request.windowStart, to: $0.request.windowEnd, in: zone),
                    String($0.visitors.count), $0.status, $0.request.requestedBy,
                ]
            })
    }
}

struct VisitShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "申请详情 / Show a request")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Request id.") var id: Int64

    func run() throws {
        let core = try global.openCore()
        let view = try core.passes.visitRequest(id, by: try global.actor(core))
        if global.json { return Output.json(view) }
        let r = view.request
        let zone = core.policy.site.timeZone
        Output.fields([
            ("申请 / request", String(r.id)),
            ("客户 / client", "\(r.clientId) \(view.clientName)"),
            ("事由 / reason", r.reason),
            ("时段 / window", EntryWindow.describe(from: r.windowStart, to: r.windowEnd, in: zone)),
            ("状态 / status", view.status),
            ("申请人 / filed by", "\(r.requestedBy) \(SiteTime.format(r.requestedAt, in: zone))"),
            ("处理人 / decided by", r.decidedBy.map { "\($0) \(r.decidedAt.map { SiteTime.format($0, in: zone) } ?? "")" } ?? "—"),
            ("原因 / why", r.decisionReason ?? "—"),
            ("介绍信 / letter", r.letter),
        ])
        print("人员 / people:")
        for visitor in view.visitors { print("  \(visitor.name)  \(visitor.idType.rawValue) \(visitor.idNumber)") }
        if !view.passes.isEmpty {
            print("通行证 / passes:")
            for pass in view.passes { print("  \(pass.pass.number)  \(pass.pass.visitorName)  \(pass.status)") }
        }
    }
}
