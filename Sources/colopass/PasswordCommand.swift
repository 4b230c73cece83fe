import ArgumentParser
import ColopassCore
import Foundation

/// `colopass operator password NAME`: an admin sets an account's password. Read from standard
/// input with `--stdin` (never from the command line, where `ps` would show it), or generated and
/// printed once. Only its hash is stored; the account's sessions end.
struct OperatorPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "设置账户密码 / Set an account's password")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Account name.") var name: String
    @Flag(help: "Read the password from standard input (one line) instead of generating one.") var stdin = false

    func run() throws {
        let core = try global.openCore()
        let actor = try global.actor(core)
        let password: String
        if stdin {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            password = Accounts.generatePassword(core.policy)
        }
        try core.accounts.setPassword(name, to: password, by: actor)
        if stdin {
            print("密码已设置 / password set: \(name)")
        } else {
            print("新密码（仅显示这一次）/ new password (shown once): \(name)  \(password)")
        }
    }
}

/// `colopass token issue|list|revoke`: long-lived bearer tokens for scripts (`api`) and for gates
/// (`gate`, a guard account, used by `gate-check sync --server URL --token T`).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API 与门禁令牌 / API and gate tokens",
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "签发令牌（仅显示一次）/ Issue a token (shown once)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account the token acts as (a guard for a gate token).") var account: String
        @Option(help: "api | gate") var kind: String = "gate"
        @Option(help: "A label, e.g. the door's name.") var label: String?
        @Option(help: "Days until it expires (default: never).") var days: Int?

        func run() throws {
            guard let kind = AuthToken.Kind(rawValue: kind), kind != .session else {
                throw CoreError.invalid("kind", zh: "应为 api 或 gate", en: "api or gate")
            }
            let core = try global.openCore()
            let issued = try core.accounts.issueToken(kind, for: account, label: label, days: days, by: try global.actor(core))
            if global.json { return Output.json(issued) }
            print("令牌 \(issued.id)（仅显示这一次）/ token \(issued.id) (shown once):")
            print(issued.token)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出令牌 / List tokens")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include revoked and expired ones.") var all = false

        func run() throws {
            let core = try global.openCore()
            let tokens = try core.accounts.tokens(includeEnded: all, by: try global.actor(core))
            if global.json { return Output.json(tokens) }
            Output.table(
                ["编号/id", "类型/kind", "账户/account", "标签/label", "到期/expires", "撤销/revoked"],
                tokens.map {
                    [
                        String($0.id), $0.kind.rawValue, $0.account, $0.label ?? "",
                        $0.expiresAt.map { SiteTime.format($0, in: core.policy.site.timeZone) } ?? "—", $0.revokedAt.map { SiteTime.format($0, in: core.policy.site.timeZone) } ?? "",
                    ]
                })
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤销令牌 / Revoke a token")
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int64

        func run() throws {
            let core = try global.openCore()
            let token = try core.accounts.revokeToken(id, by: try global.actor(core))
            if global.json { return Output.json(token) }
            print("令牌已撤销 / token revoked: \(token.id)")
        }
    }
}
