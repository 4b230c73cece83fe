import ArgumentParser
import ColopassCore
import Foundation

struct EmergencyApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "主管批准紧急进入并签发通行证 (C6) / Approve an emergency entry (C6)")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Client id.") var client: Int64
    @Option(help: "What is broken and why it cannot wait.") var reason: String
    @Option(help: "Repair staff: NAME:NUMBER (resident ID) or NAME:TYPE:NUMBER. Repeat for each.")
    var staff: [String] = []
    @Option(help: "Window length in hours from now (default: the policy's maximum).") var hours: Double?
    @Option(name: .customLong("reported-by"), help: "Who at the client raised it (name, phone).") var reportedBy:
        String?
    @Option(help: "Folder for the slips (default badges; each pass in <folder>/<pass-number>/).") var out: String?

    func run() throws {
        let core = try global.openCore()
        let actor = try global.actor(core)
        let people = try staff.enumerated().map { try VisitInput.visitor($1, field: "staff[\($0)]") }
        let view = try core.passes.approveEmergency(
            NewEmergency(
                clientId: client, staff: people, reason: reason,
                hours: hours ?? Double(core.policy.parameters.emergencyEntryMaxWindowHours), reportedBy: reportedBy),
            by: actor)
        let files = try VisitInput.write(try core.passes.emergencyPassSlips(emergencyId: view.entry.id, by: actor), under: out)
        if global.json { return Output.json(ApprovedEmergency(emergency: view, files: files)) }
        print("紧急进入已批准 / emergency approved: \(view.entry.id)  \(view.clientName)")
        for pass in view.passes {
            print("通行证 / pass: \(pass.pass.number)  \(pass.pass.visitorName)  \(VisitInput.window(pass, core))")
        }
        print("保安须在门口核验证件 / the guard checks each ID at the door: colopass emergency confirm-id PASS --id-number …")
        files.forEach { print($0) }
    }
}

struct EmergencyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "紧急进入列表（待复核）/ List emergencies (to review)")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only those not yet reviewed.") var pending = false
    @Option(help: "Only this client's.") var client: Int64?

    func run() throws {
        let core = try global.openCore()
        let views = try core.passes.emergencies(awaitingReview: pending, clientId: client, by: try global.actor(core))
        if global.json { return Output.json(views) }
        let zone = core.policy.site.timeZone
        Output.table(
            ["编号/id", "客户/client", "时段/window", "人员/staff", "批准/approved by", "复核/review"],
            views.map {
                [
                    String($0.entry.id), $0.clientName,
                    EntryWindow.describe(from: $0.entry.windowStart, to: $0.entry.windowEnd, in: zone),
                    $0.passes.map(\.pass.visitorName).joined(separator: ", "), $0.entry.approvedBy,
                    $0.entry.reviewedBy ?? "待复核 / pending",
                ]
            })
    }
}

struct EmergencyReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "事后复核 (C6) / Mark an emergency reviewed (C6)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Emergency id.") var id: Int64
    @Option(help: "What the review found.") var note: String

    func run() throws {
        let core = try global.openCore()
        let view = try core.passes.reviewEmergency(id, note: note, by: try global.actor(core))
        if global.json { return Output.json(view) }
        print("已复核 / reviewed: \(view.entry.id) by \(view.entry.reviewedBy ?? "")")
    }
}

struct EmergencyConfirmIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-id", abstract: "保安核验证件 (C6) / Guard: the ID document was shown and matches (C6)")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Emergency pass number (EP-…).") var pass: String
    @Option(name: .customLong("id-number"), help: "The number on the document shown.") var idNumber: String

    func run() throws {
        let core = try global.openCore()
        let confirmed = try core.passes.confirmEmergencyID(try PassNumber.Of<EmergencyPassKind>(pass), idNumber: idNumber, by: try global.actor(core))
        if global.json { return Output.json(confirmed) }
        print("证件已核验 / ID confirmed: \(confirmed.number)  \(confirmed.visitorName) \(confirmed.idNumber)")
    }
}

struct ApprovedEmergency: Encodable {
    var emergency: EmergencyView
    var files: [String]
}
