import ArgumentParser
import ColopassCore
import Foundation

extension RemovalCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "核对设备（型号、数量、序列号）/ Check the equipment against the request")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(name: .customLong("serial"), help: "Serial seen; repeat for each unit.") var serials: [String] = []
        @Option(name: .customLong("count"), help: "MODEL=N for unlabelled parts seen.") var counts: [String] = []

        func run() throws {
            let seen = try counts.map { text -> (String, Int) in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let count = Int(parts[1]) else {
                    throw CoreError.invalid("counts", zh: "格式应为 型号=数量", en: "MODEL=N")
                }
                return (parts[0], count)
            }
            let core = try global.openCore()
            let view = try core.equipment.checkRemoval(
                try RemovalNumber(number), serials: serials, counts: Dictionary(seen, uniquingKeysWith: +), by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("核对无误 / checked, matches: \(view.request.number)")
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "开具出门条 / Approve and issue the exit slip")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.approveRemoval(try RemovalNumber(number), by: try global.actor(core))
            if global.json { return Output.json(view) }
            let slip = view.exitSlip
            print("出门条已开具 / exit slip issued: \(slip?.number ?? "?")  仅限 / valid on \(view.request.removalDate)")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "驳回申请 / Reject a request")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option var reason: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.rejectRemoval(try RemovalNumber(number), reason: reason, by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("申请已驳回 / request rejected: \(view.request.number)")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤回申请（出门条作废）/ Cancel a request (voids its slip)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option var reason: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.cancelRemoval(try RemovalNumber(number), reason: reason, by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("申请已撤回 / request cancelled: \(view.request.number)")
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "检修设备返回 (Q5) / Equipment back from repair (Q5)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option(name: .customLong("item"), help: "Inventory number or serial; repeat per unit.") var items: [String] = []

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.returnFromRepair(try RemovalNumber(number), items: items, by: try global.actor(core))
            if global.json { return Output.json(view) }
            print("已返回入架 / back on site: \(view.request.number)  状态 / status \(view.request.status.rawValue)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出搬出申请 / List removal requests")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let views = try core.equipment.removals(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(views) }
            Output.table(
                ["编号/number", "类型/kind", "客户/client", "日期/date", "状态/status", "设备/items", "出门条/slip"],
                views.map {
                    [$0.request.number, $0.request.kind.rawValue, $0.clientName, $0.request.removalDate.description,
                     $0.request.status.rawValue, String($0.items.count),
                     $0.exitSlip.map { "\($0.number) \($0.status.rawValue)" } ?? "—"]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "搬出申请详情 / Show a removal request")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.removal(try RemovalNumber(number), by: try global.actor(core))
            if global.json { return Output.json(view) }
            let request = view.request
            Output.fields([
                ("编号 / number", request.number),
                ("类型 / kind", request.kind.title.line),
                ("客户 / client", view.clientName),
                ("搬出日期 / date", request.removalDate.description),
                ("状态 / status", request.status.rawValue),
                ("提交 / filed", "\(core.siteClock(request.filedAt)) by \(request.filedBy)"),
                ("核对 / checked", request.checkedBy.map { "\(core.siteClock(request.checkedAt)) by \($0)" } ?? "—"),
                ("审批 / decided", request.decidedBy.map { "\(core.siteClock(request.decidedAt)) by \($0)" } ?? "—"),
                ("驳回理由 / rejected", request.rejectReason ?? "—"),
                ("出门条 / exit slip", view.exitSlip.map { "\($0.number) \($0.status.rawValue)" } ?? "—"),
            ])
            print("\n设备 / items:")
            view.items.forEach { print("  \($0.itemNumber)  \($0.description)") }
            if !view.movers.isEmpty {
                print("搬运人员 / movers:")
                view.movers.forEach { print("  \($0.name)  \($0.idType.rawValue) \($0.idNumber)") }
            }
        }
    }
}
