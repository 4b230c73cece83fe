import ArgumentParser
import ColopassCore
import Foundation

/// `colopass login NAME`: signs in with the account's password and keeps the session for the
/// commands that follow, in a 0600 file under the user's configuration directory.
struct LoginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "登录 / Sign in and keep the session for later commands")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Account name.") var name: String
    @Flag(help: "Read the password from standard input (one line), for scripts.") var passwordStdin = false

    func run() throws {
        let core = try global.openCore()
        let password: String
        if passwordStdin {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            guard isatty(STDIN_FILENO) == 1, let typed = getpass("密码 / password: ") else {
                throw CoreError.invalid(
                    "password", zh: "没有终端：请用 --password-stdin 从标准输入给出密码",
                    en: "no terminal: give the password on standard input with --password-stdin")
            }
            password = String(cString: typed)
        }
        let signIn = try core.accounts.signIn(name: name, password: password, from: "cli")
        try LoginStore(dataDirectory: core.dataDirectory).store(signIn.token, for: signIn.account.name)
        let until = SiteTime.format(signIn.expiresAt, in: core.policy.site.timeZone)
        print("已登录 / logged in: \(signIn.account.name)（会话 \(signIn.tokenId)，至 \(until) / session \(signIn.tokenId), until \(until)）")
    }
}

/// `colopass logout [NAME]`: ends the stored session (revoked at the service) and forgets it.
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "退出登录 / End a stored login")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Account name (default: the latest login).") var name: String?

    func run() throws {
        let core = try global.openCore()
        let store = LoginStore(dataDirectory: core.dataDirectory)
        guard let login = store.token(for: name ?? global.actorName) else {
            throw core.policy.refusal(R1.session, zh: "没有可退出的登录", en: "no stored login to end")
        }
        if let identity = try? core.accounts.authenticate(token: login.token) {
            try core.accounts.signOut(tokenId: identity.tokenId, by: identity.actor)
        }
        try store.remove(login.name)
        print("已退出 / logged out: \(login.name)")
    }
}
