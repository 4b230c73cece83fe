import ArgumentParser
import ColopassCore
import Foundation

struct VisitApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "批准申请，签发通行证 (C7) / Approve and issue passes (C7)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Request id.") var id: Int64

    func run() throws {
        let core = try global.openCore()
        let view = try core.passes.approveVisitRequest(id, by: try global.actor(core))
        if global.json { return Output.json(view) }
        print("已批准 / approved: \(view.request.id)")
        for pass in view.passes {
            print("通行证 / pass: \(pass.pass.number)  \(pass.pass.visitorName)  \(VisitInput.window(pass, core))")
        }
        print("打印通行证 / print the passes: colopass visit pass \(view.request.id)")
    }
}

struct VisitRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "驳回申请 / Reject a request")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Request id.") var id: Int64
    @Option(help: "Why, as the client will read it.") var reason: String

    func run() throws {
        let core = try global.openCore()
        let view = try core.passes.rejectVisitRequest(id, reason: reason, by: try global.actor(core))
        if global.json { return Output.json(view) }
        print("已驳回 / rejected: \(view.request.id)")
    }
}

struct VisitCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "撤销申请（已签发的通行证随即作废）/ Cancel a request (revokes its passes)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Request id.") var id: Int64
    @Option(help: "Why.") var reason: String?

    func run() throws {
        let core = try global.openCore()
        let view = try core.passes.cancelVisitRequest(id, reason: reason, by: try global.actor(core))
        if global.json { return Output.json(view) }
        print("已撤销 / cancelled: \(view.request.id)")
        let revoked = view.passes.filter { $0.pass.status == .revoked }.map(\.pass.number)
        if !revoked.isEmpty { print("已作废通行证 / passes revoked: \(revoked.joined(separator: ", "))") }
    }
}

struct VisitPassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pass", abstract: "打印通行证 SVG/PNG / Print a request's passes")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Request id.") var id: Int64
    @Option(help: "Folder for the slips (default badges; each pass in <folder>/<pass-number>/).") var out: String?

    func run() throws {
        let core = try global.openCore()
        let slips = try core.passes.temporaryPassSlips(requestId: id, by: try global.actor(core))
        let files = try VisitInput.write(slips, under: out)
        if global.json { return Output.json(PrintedSlips(passes: slips.map(\.number), files: files)) }
        print("通行证 / passes: \(slips.map(\.number).joined(separator: ", "))")
        files.forEach { print($0) }
    }
}
