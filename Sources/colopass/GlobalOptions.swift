import ArgumentParser
import ColopassCore
import Foundation

/// Options every command shares: where the site's data and rules are, who acts, how to print.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (default ./data, or $COLOPASS_DATA).")
    var dataDir: String?

    @Option(help: "Policy file (default policies/site.yaml, or $COLOPASS_POLICY).")
    var policy: String?

    @Option(
        name: .customLong("as"),
        help: "Which stored login acts (`colopass login NAME`; or $COLOPASS_AS). COLOPASS_TOKEN holds an API token instead.")
    var actorName: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    var resolvedDataDir: String {
        dataDir ?? ProcessInfo.processInfo.environment["COLOPASS_DATA"] ?? "data"
    }

    var resolvedPolicyPath: String {
        policy ?? ProcessInfo.processInfo.environment["COLOPASS_POLICY"] ?? "policies/site.yaml"
    }

    func openCore() throws -> Core {
        let policy = try Policy.load(contentsOf: resolvedPolicyPath)
        return try Core(dataDirectory: resolvedDataDir, policy: policy)
    }

    /// The acting account, proven: `COLOPASS_TOKEN` (an API token or a session), or a login
    /// stored by `colopass login` (`--as NAME` / `$COLOPASS_AS` chooses which, else the latest).
    /// A name alone proves nothing; a token that expired or was revoked is refused (R1.session).
    /// Every change is audited under the account and the session or token that acted.
    func actor(_ core: Core) throws -> Actor {
        let environment = ProcessInfo.processInfo.environment
        let chosen = (actorName ?? environment["COLOPASS_AS"]).flatMap { $0.isEmpty ? nil : $0 }
        if let token = environment["COLOPASS_TOKEN"], !token.isEmpty {
            let identity = try core.accounts.authenticate(token: token)
            if identity.kind == .gate {
                throw core.policy.refusal(
                    R1.role, zh: "门禁令牌只能用于门禁接口", en: "a gate token opens the gate endpoints only")
            }
            if let chosen, chosen != identity.actor.name {
                throw core.policy.refusal(
                    R1.session, zh: "COLOPASS_TOKEN 属于 \(identity.actor.name)，不是 \(chosen)",
                    en: "COLOPASS_TOKEN acts as \(identity.actor.name), not \(chosen)")
            }
            return identity.actor
        }
        let logins = LoginStore(dataDirectory: core.dataDirectory)
        guard let login = logins.token(for: chosen) else {
            if let chosen {
                throw core.policy.refusal(
                    R1.session, zh: "没有 \(chosen) 的登录：请先运行 colopass login \(chosen)",
                    en: "no stored login for \(chosen): run colopass login \(chosen) first")
            }
            throw core.policy.refusal(
                R1.session, zh: "未登录：请运行 colopass login 账户名，或设置 COLOPASS_TOKEN",
                en: "not logged in: run colopass login NAME, or set COLOPASS_TOKEN")
        }
        do {
            return try core.accounts.authenticate(token: login.token).actor
        } catch CoreError.refused(let refusal) where refusal.clause == Clause(R1.session) {
            throw core.policy.refusal(
                R1.session, zh: "\(login.name) 的登录已过期或已撤销：请重新运行 colopass login \(login.name)",
                en: "the login of \(login.name) has expired or was revoked: run colopass login \(login.name) again")
        }
    }
}
