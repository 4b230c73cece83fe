import ArgumentParser
import ColopassCore
import Foundation

struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator", abstract: "操作账户 / Operator and client-user accounts",
        subcommands: [Add.self, List.self, Disable.self, OperatorPassword.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新建账户 / Add an account")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Account name (login).") var name: String
        @Option(help: "admin | customer_service | supervisor | guard | client_user") var role: String
        @Option(name: .customLong("display-name")) var displayName: String?
        @Option(help: "Client id (client users only).") var client: Int64?

        func run() throws {
            guard let role = Role(rawValue: role) else {
                throw CoreError.invalid(
                    "role", zh: "未知岗位", en: "one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let core = try global.openCore()
            let account = try core.accounts.addAccount(
                name: name, displayName: displayName, role: role, clientId: client, by: try global.actor(core))
            if global.json { return Output.json(account.redacted) }
            print("账户已创建 / account added: \(account.name) (\(account.role.rawValue))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出账户 / List accounts")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let core = try global.openCore()
            let accounts = try core.accounts.accounts(by: try global.actor(core))
            if global.json { return Output.json(accounts) }
            Output.table(
                ["账户/name", "姓名/display", "岗位/role", "客户/client", "状态/status"],
                accounts.map {
                    [$0.name, $0.displayName, $0.role.rawValue, $0.clientId.map(String.init) ?? "", $0.status.rawValue]
                })
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用账户 / Disable an account")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String

        func run() throws {
            let core = try global.openCore()
            let account = try core.accounts.disableAccount(name, by: try global.actor(core))
            if global.json { return Output.json(account) }
            print("账户已停用 / account disabled: \(account.name)")
        }
    }
}
