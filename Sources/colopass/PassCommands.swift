import ArgumentParser
import ColopassCore
import Foundation

/// Temporary entry (C7).
struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "临时进入申请 (C7) / Temporary entry requests (C7)",
        subcommands: [
            VisitRequestCommand.self, VisitListCommand.self, VisitShowCommand.self, VisitApproveCommand.self,
            VisitRejectCommand.self, VisitCancelCommand.self, VisitPassCommand.self,
        ])
}

/// Emergency entry (C6).
struct EmergencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency", abstract: "紧急进入 (C6) / Emergency entry (C6)",
        subcommands: [
            EmergencyApproveCommand.self, EmergencyListCommand.self, EmergencyReviewCommand.self,
            EmergencyConfirmIDCommand.self,
        ])
}

/// The visitor log.
struct VisitorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visitors", abstract: "访客记录 / Visitor log",
        subcommands: [VisitorsListCommand.self, VisitorsExportCommand.self, VisitorsPurgeCommand.self])
}
