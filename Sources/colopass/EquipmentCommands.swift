import ArgumentParser
import ColopassCore
import Foundation

/// Hosting work orders (Q1, Q2).
struct WorkOrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workorder", abstract: "托管开工单 (Q1, Q2) / Hosting work orders (Q1, Q2)")
}

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "在架设备 / Equipment on site")
}

/// IP pools and allocation (Q3).
struct IPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ip", abstract: "IP 地址池 (Q3) / IP pools (Q3)")
}

/// Removal requests (Q4, Q5).
struct RemovalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "removal", abstract: "设备搬出申请 (Q4, Q5) / Equipment removal (Q4, Q5)")
}

struct ExitSlipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exitslip", abstract: "出门条 / Exit slips")
}
