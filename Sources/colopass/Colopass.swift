import ArgumentParser
import ColopassCore
import Foundation

/// `colopass`: the operators' command line over the Colopass core.
///
/// Exit codes (a contract scripts rely on): 0 done, 2 usage or invalid input, 3 refused by a rule
/// (the clause id is printed), 4 not found, 1 anything else.
@main
struct Colopass: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "colopass",
        abstract: "Colopass 机房出入管理 / Colopass colocation access control",
        subcommands: [
            InitCommand.self, ServeCommand.self, ClientCommand.self, ContractCommand.self, PersonCommand.self,
            OperatorCommand.self, CardCommand.self, BadgeCommand.self, KeysCommand.self, VisitCommand.self,
            EmergencyCommand.self, VisitorsCommand.self, WorkOrderCommand.self, InventoryCommand.self, IPCommand.self,
            RemovalCommand.self, ExitSlipCommand.self, AuditCommand.self, TokenCommand.self, GateCommand.self,
            TicketCommand.self, FollowUpCommand.self, DutyCommand.self, ReportCommand.self,
            BackupCommand.self, RestoreCommand.self, LoginCommand.self, LogoutCommand.self, DocumentsCommand.self,
            NotificationsCommand.self,
        ])

    static func main() async {
        ArgumentText.refuseInvalid()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Foundation.exit(ExitStatus.report(error))
        }
    }
}
