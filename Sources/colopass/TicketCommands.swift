import ArgumentParser
import ColopassCore
import Foundation

/// The client service desk (K1–K9): tickets, fault analysis reports, account managers, the clock.
struct TicketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "客服工单 (K1–K4) / Service desk tickets (K1–K4)",
        subcommands: [
            TicketOpenCommand.self, TicketLogCommand.self, TicketReplyCommand.self, TicketTransferCommand.self,
            TicketResolveCommand.self, TicketReopenCommand.self, TicketListCommand.self, TicketShowCommand.self,
            TicketAnalysisCommand.self, TicketContactFormCommand.self, TicketManagerCommand.self,
            TicketClockCommand.self,
        ])
}

extension Ticket.Kind: ExpressibleByArgument {}
extension Ticket.Channel: ExpressibleByArgument {}
extension Ticket.State: ExpressibleByArgument {}

struct TicketOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "受理客户请求、投诉或故障 (K1) / Open a ticket (K1)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Client id.") var client: Int64
    @Option(help: "request, complaint or fault.") var kind: Ticket.Kind
    @Option(help: "phone, walk_in, portal or email.") var channel: Ticket.Channel = .phone
    @Option(help: "A short subject.") var subject: String
    @Option(help: "What the client said, as said.") var words: String
    @Option(name: .customLong("fault-at"), help: "Fault: when it happened (YYYY-MM-DD HH:MM, site time).") var faultAt: String?
    @Option(name: .customLong("fault-place"), help: "Fault: where.") var faultPlace: String?
    @Option(name: .customLong("fault-symptom"), help: "Fault: what was seen.") var faultSymptom: String?
    @Option(name: .customLong("fault-plan"), help: "Fault: the handling plan.") var faultPlan: String?
    @Flag(name: .customLong("acted-first"), help: "Work was done before the work contact form (K4).") var actedFirst = false
    @Option(help: "Close it at once with this answer (K1).") var resolve: String?

    func run() throws {
        let core = try global.openCore()
        let zone = core.policy.site.timeZone
        let fault = kind == .fault
            ? FaultDetails(
                at: try faultAt.map { try SiteTime.parse($0, in: zone, field: "fault-at") }, place: faultPlace,
                symptom: faultSymptom, plan: faultPlan)
            : nil
        let view = try core.serviceDesk.open(
            NewTicket(
                clientId: client, kind: kind, channel: channel, subject: subject, words: words, fault: fault,
                actedFirst: actedFirst, resolution: resolve),
            by: try global.actor(core))
        if global.json { return Output.json(view) }
        TicketOutput.show(view, core)
    }
}

struct TicketLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "记录客户所说 (K1) / Log what the client said (K1)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64
    @Option(help: "What the client said.") var words: String

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.log(id, words: words, by: actor) }
    }
}

struct TicketReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "答复；投诉须提出解决方案 (K2) / Reply; a complaint's proposes a solution (K2)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64
    @Option(help: "The answer.") var text: String
    @Option(help: "The proposed solution (required for a complaint).") var solution: String?

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.reply(id, text: text, solution: solution, by: actor) }
    }
}

struct TicketTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "说明理由移交给同事 (K1) / Hand over with a reason (K1)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64
    @Option(help: "The colleague who takes it.") var to: String?
    @Option(help: "Why it is handed over.") var reason: String?

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.transfer(id, to: to, reason: reason, by: actor) }
    }
}

struct TicketResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "解决 / Resolve")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64
    @Option(help: "How it was settled.") var resolution: String

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.resolve(id, resolution: resolution, by: actor) }
    }
}

struct TicketReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "重新打开 / Reopen")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64
    @Option(help: "Why (what the client said).") var reason: String

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.reopen(id, reason: reason, by: actor) }
    }
}

struct TicketListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "工单列表，逾期在前 / List tickets, overdue first")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this client's.") var client: Int64?
    @Option(help: "Only this owner's (\"me\": the acting account).") var owner: String?
    @Option(help: "open, answered or resolved.") var state: Ticket.State?
    @Flag(help: "Only unresolved tickets.") var unresolved = false
    @Flag(help: "Only overdue tickets.") var overdue = false
    @Option(help: "At most this many.") var limit: Int = 200

    func run() throws {
        let core = try global.openCore()
        let actor = try global.actor(core)
        let list = try core.serviceDesk.tickets(
            TicketFilter(
                clientId: client, owner: owner == "me" ? actor.name : owner, state: state, unresolved: unresolved,
                overdueOnly: overdue, limit: limit), by: actor)
        if global.json { return Output.json(list) }
        TicketOutput.list(list, core)
    }
}

struct TicketShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "工单详情 / Show a ticket")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticket id.") var id: Int64

    func run() throws {
        try TicketOutput.act(global) { desk, actor in try desk.ticket(id, by: actor) }
    }
}
