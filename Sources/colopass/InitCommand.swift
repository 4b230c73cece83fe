import ArgumentParser
import ColopassCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "初始化数据目录 / Create the data directory, database and first admin")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Also create a demo site (clients, contracts, people, operators).") var demo = false
    @Option(help: "Name of the first admin account.") var admin: String = "admin"

    func run() throws {
        let core = try global.openCore()
        let setup = try core.accounts.initialiseSite(adminName: admin)
        if setup.createdAdmin {
            print("已创建管理员账户 / admin account created: \(admin)")
        } else {
            print("数据目录已初始化 / data directory already initialised: \(global.resolvedDataDir)")
        }
        if demo {
            let summary = try DemoSite.seed(core)
            print("演示站点 / demo site: \(summary)")
        }
        // The first admin (and the demo's accounts) get one-time passwords, shown here once:
        // `colopass login admin` takes it, and every later command acts through that login.
        let first = try core.accounts.assignFirstPasswords(adminName: admin)
        if !first.isEmpty {
            print("一次性初始密码（仅显示这一次，请登录后修改）/ one-time passwords (shown once; change them after signing in):")
            for (account, password) in first { print("  \(account)  \(password)") }
        }
        print("数据库 / database: \(core.store.path)")
    }
}
