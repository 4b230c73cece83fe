import ArgumentParser
import ColopassCore
import Foundation

/// What room staff type at the door on the racking day (Q2).
extension WorkOrderCommand {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "按单验收 (Q2) / Accept an arrival (Q2)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Serial on the unit's label.") var serial: String?
        @Option(help: "Line number, for unlabelled parts.") var line: Int?
        @Option(help: "How many of the line's parts arrived.") var quantity = 1

        func run() throws {
            let core = try global.openCore()
            let actor = try global.actor(core)
            let acceptance: Acceptance
            switch (serial, line) {
            case (let serial?, nil): acceptance = try core.equipment.acceptItem(workOrder: try WorkOrderNumber(number), serial: serial, by: actor)
            case (nil, let line?):
                acceptance = try core.equipment.acceptLine(workOrder: try WorkOrderNumber(number), line: line, quantity: quantity, by: actor)
            default:
                throw CoreError.invalid("serial", zh: "请给出 --serial 或 --line 之一", en: "give either --serial or --line")
            }
            if global.json { return Output.json(acceptance) }
            let item = acceptance.item
            print("已验收入架 / accepted: \(item.number) \(item.description) @ \(item.location)")
            if !acceptance.addresses.isEmpty || !acceptance.ports.isEmpty {
                print("IP: \(acceptance.addresses.joined(separator: ", "))  端口 / port: \(acceptance.ports.joined(separator: ", "))")
            }
            print("工单状态 / order: \(acceptance.orderStatus.rawValue)")
        }
    }

    struct Refuse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "拒收并登记 (Q2) / Refuse and record (Q2)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(help: "Serial of the unit refused (on the order or not).") var serial: String?
        @Option(help: "Line refused (what is left of it).") var line: Int?
        @Option(name: .customLong("description"), help: "Something unlabelled that is not on the order.")
        var unlisted: String?
        @Option(help: "Why it is refused.") var reason: String?

        func run() throws {
            let core = try global.openCore()
            let actor = try global.actor(core)
            let view: WorkOrderView
            switch (serial, line, unlisted) {
            case (let serial?, nil, nil):
                view = try core.equipment.refuseItem(workOrder: try WorkOrderNumber(number), serial: serial, reason: reason ?? "", by: actor)
            case (nil, let line?, nil):
                view = try core.equipment.refuseLine(workOrder: try WorkOrderNumber(number), line: line, reason: reason ?? "", by: actor)
            case (nil, nil, let text?):
                let full = reason.map { "\(text): \($0)" } ?? text
                view = try core.equipment.refuseArrival(workOrder: try WorkOrderNumber(number), description: full, by: actor)
            default:
                throw CoreError.invalid(
                    "serial", zh: "请给出 --serial、--line、--description 之一", en: "give one of --serial, --line, --description")
            }
            if global.json { return Output.json(view) }
            print("已拒收并登记 / refused and recorded (Q2): \(view.order.number)  工单状态 / order: \(view.order.status.rawValue)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "结束验收，未到的记为短缺 / Close: what has not arrived is recorded short")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.closeWorkOrder(try WorkOrderNumber(number), by: try global.actor(core))
            if global.json { return Output.json(view) }
            let short = view.lines.filter { $0.status == .short }
            print("工单已关闭 / work order closed: \(view.order.number)  短缺 / short lines: \(short.count)")
        }
    }
}
