import ArgumentParser
import ColopassCore
import Foundation

/// Options every command shares: where the site's data and rules are, who acts, how to print.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Data directory (default ./data, or $COLOPASS_DATA).")
    var dataDir: String?

    @Option(help: "Policy file (default policies/site.yaml, or $COLOPASS_POLICY).")
    var policy: String?

    @Option(name: .customLong("as"), help: "Account that performs the command (or $COLOPASS_AS).")
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

    /// The acting account: `--as`, else $COLOPASS_AS. Every change is audited under this name.
    func actor(_ core: Core) throws -> Actor {
        guard let name = actorName ?? ProcessInfo.processInfo.environment["COLOPASS_AS"], !name.isEmpty else {
            throw CoreError.invalid(
                "as", zh: "请用 --as 或 COLOPASS_AS 指定操作账户", en: "name the acting account with --as or COLOPASS_AS")
        }
        return try core.accounts.actor(named: name)
    }
}
