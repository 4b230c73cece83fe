import ArgumentParser
import ColopassCore
import Foundation

/// Hosting work orders (Q1, Q2).
struct WorkOrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workorder", abstract: "托管开工单 (Q1, Q2) / Hosting work orders (Q1, Q2)",
        subcommands: [
            Create.self, AddItem.self, Issue.self, Accept.self, Refuse.self, Close.self, Cancel.self, List.self,
            Show.self,
        ])
}

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "在架设备 / Equipment on site", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出在架设备 / List equipment on site")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this client's.") var client: Int64?
        @Flag(help: "Include decommissioned equipment.") var all = false

        func run() throws {
            let core = try global.openCore()
            let items = try core.equipment.inventory(clientId: client, includeRemoved: all, by: try global.actor(core))
            if global.json { return Output.json(items) }
            Output.table(
                ["编号/number", "客户/client", "类型/kind", "设备/item", "位置/location", "状态/status", "IP", "端口/ports"],
                items.map {
                    [$0.item.number, $0.clientName, $0.item.kind.rawValue, $0.item.description, $0.item.location,
                     $0.item.status.rawValue, $0.addresses.joined(separator: ","), $0.ports.joined(separator: ",")]
                })
        }
    }
}

/// IP pools and allocation (Q3).
struct IPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ip", abstract: "IP 地址池 (Q3) / IP pools (Q3)",
        subcommands: [Pool.self, Ports.self, Assign.self, List.self])
}

/// Removal requests (Q4, Q5).
struct RemovalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "removal", abstract: "设备搬出申请 (Q4, Q5) / Equipment removal (Q4, Q5)",
        subcommands: [
            File.self, Check.self, Approve.self, Reject.self, Cancel.self, Return.self, List.self, Show.self,
        ])
}

struct ExitSlipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exitslip", abstract: "出门条 / Exit slips", subcommands: [Show.self, Render.self, Use.self])
}

/// Times on screen are the site's wall clock, as operators plan by it.
extension Core {
    func siteClock(_ date: Date?) -> String {
        date.map { SiteTime.format($0, in: policy.site.timeZone) } ?? "—"
    }
}
