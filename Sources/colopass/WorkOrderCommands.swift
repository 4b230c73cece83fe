import ArgumentParser
import ColopassCore
import Foundation

extension WorkOrderCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建开工单（草稿）/ Create a work order (draft)")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Contract number.") var contract: String
        @Option(help: "Planned racking time, YYYY-MM-DD HH:MM (site time) or ISO 8601.") var planned: String
        @Option(help: "Free note.") var note: String?

        func run() throws {
            let core = try global.openCore()
            let plannedAt = try SiteTime.parse(planned, in: core.policy.site.timeZone)
            let order = try core.equipment.createWorkOrder(
                contract: contract, plannedAt: plannedAt, note: note, by: try global.actor(core))
            if global.json { return Output.json(order) }
            print("开工单已创建（草稿）/ work order created (draft): \(order.number)  计划上架 / racking \(core.siteClock(order.plannedAt))")
        }
    }

    struct AddItem: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-item", abstract: "添加设备 / Add an item to a draft order")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Work order number.") var number: String
        @Option(help: "server | switch | storage | other") var kind: String
        @Option var brand: String
        @Option var model: String
        @Option(help: "Serial number (required except for kind other).") var serial: String?
        @Option(help: "Quantity (1 for an item with a serial).") var quantity = 1
        @Option(help: "Target rack (one of the contract's).") var rack: String
        @Option(name: .customLong("u"), help: "Lowest rack unit (U position).") var unit: Int

        func run() throws {
            guard let kind = EquipmentKind(rawValue: kind) else {
                throw CoreError.invalid(
                    "kind", zh: "设备类型无效", en: "one of \(EquipmentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let core = try global.openCore()
            let line = try core.equipment.addWorkOrderItem(
                try WorkOrderNumber(number),
                NewWorkOrderItem(
                    kind: kind, brand: brand, model: model, serial: serial, quantity: quantity, rack: rack,
                    uPosition: unit),
                by: try global.actor(core))
            if global.json { return Output.json(line) }
            print("已添加第 \(line.lineNo) 行 / line \(line.lineNo) added: \(line.description) → \(line.rack) U\(line.uPosition)")
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "下达机房 (Q1) / Issue to the room (Q1)")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let order = try core.equipment.issueWorkOrder(try WorkOrderNumber(number), by: try global.actor(core))
            if global.json { return Output.json(order) }
            print("开工单已下达 / work order issued: \(order.number)  计划上架 / racking \(core.siteClock(order.plannedAt))")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤销工单 / Cancel a work order")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String
        @Option var reason: String

        func run() throws {
            let core = try global.openCore()
            let order = try core.equipment.cancelWorkOrder(try WorkOrderNumber(number), reason: reason, by: try global.actor(core))
            if global.json { return Output.json(order) }
            print("工单已撤销 / work order cancelled: \(order.number)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出开工单 / List work orders")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?

        func run() throws {
            let core = try global.openCore()
            let orders = try core.equipment.workOrders(clientId: client, by: try global.actor(core))
            if global.json { return Output.json(orders) }
            Output.table(
                ["编号/number", "客户/client", "合同/contract", "计划上架/racking", "状态/status", "已验收/accepted"],
                orders.map {
                    [$0.order.number, $0.clientName, $0.contractNumber, core.siteClock($0.order.plannedAt),
                     $0.order.status.rawValue, "\($0.lines.filter { $0.status == .accepted }.count)/\($0.lines.count)"]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "开工单详情 / Show a work order")
        @OptionGroup var global: GlobalOptions
        @Argument var number: String

        func run() throws {
            let core = try global.openCore()
            let view = try core.equipment.workOrder(try WorkOrderNumber(number), by: try global.actor(core))
            if global.json { return Output.json(view) }
            let order = view.order
            Output.fields([
                ("编号 / number", order.number),
                ("客户 / client", view.clientName),
                ("合同 / contract", view.contractNumber),
                ("计划上架 / racking", core.siteClock(order.plannedAt)),
                ("状态 / status", order.status.rawValue),
                ("填写 / filed", "\(core.siteClock(order.createdAt)) by \(order.createdBy)"),
                ("下达 / issued", order.issuedBy.map { "\(core.siteClock(order.issuedAt)) by \($0)" } ?? "—"),
            ])
            print("")
            Output.table(
                ["行/line", "类型/kind", "设备/item", "位置/location", "状态/status", "说明/reason"],
                view.lines.map {
                    [String($0.lineNo), $0.kind.rawValue, $0.description, "\($0.rack) U\($0.uPosition)",
                     $0.status.rawValue + ($0.serial == nil ? " \($0.acceptedQuantity)/\($0.quantity)" : ""),
                     $0.reason ?? ""]
                })
            if !view.refusedArrivals.isEmpty {
                print("\n拒收登记 / refused arrivals (Q2):")
                view.refusedArrivals.forEach {
                    print("  \(core.siteClock($0.recordedAt))  \($0.description)  by \($0.recordedBy)")
                }
            }
        }
    }
}
