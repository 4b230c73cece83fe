import ArgumentParser
import ColopassCore
import Foundation

extension ExitSlipCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "出门条详情 / Show an exit slip")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.exitSlip(try ExitSlipNumber(number), by: try global.actor(core))
            if global.json { return Output.json(view) }
            let slip = view.slip
            Output.fields([
                ("编号 / number", slip.number),
                ("申请 / request", "\(view.removalNumber) \(view.kind.title.line)"),
                ("客户 / client", view.clientName),
                ("有效日期 / valid on", slip.validOn.description),
                ("状态 / status", slip.status.rawValue),
                ("使用 / used", slip.usedBy.map { "\(core.siteClock(slip.usedAt)) by \($0)" } ?? "—"),
            ])
            print("\n设备 / items:")
            view.items.forEach { print("  \($0.description)") }
            if !view.movers.isEmpty {
                print("搬运人员 / movers:")
                view.movers.forEach { print("  \($0.name)  \($0.idNumber)") }
            }
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "打印出门条 SVG/PNG / Render the printable slip")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Output folder (default badges/<slip-number>).") var out: String?

        func run() throws {
            let core = try global.openCore()
            let rendered = try core.equipment.renderExitSlip(try ExitSlipNumber(number), by: try global.actor(core))
            let files = try rendered.write(to: out ?? "badges/\(rendered.number)")
            if global.json { return Output.json(files) }
            files.forEach { print($0) }
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "门口放行，出门条作废 (Q4) / Let the equipment out; the slip is used up (Q4)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The QR text as scanned, or the slip number.") var slip: String

        func run() throws {
            let core = try global.openCore()
            let use = try core.equipment.useExitSlip(slip, by: try global.actor(core))
            if global.json { return Output.json(use) }
            print("放行 / exit allowed: \(use.slip.number) \(use.removal.clientName)")
            use.removal.items.forEach { print("  \($0.description)") }
            use.removal.movers.forEach { print("  搬运 / mover: \($0.name) \($0.idNumber)") }
        }
    }
}
