import ArgumentParser
import ColopassCore
import Foundation

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "签名密钥 / Signing keys", subcommands: [List.self, Rotate.self, ExportPublic.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出密钥 / List keys")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let core = try global.openCore()
            let keys = try core.credentials.signingKeys(by: try global.actor(core))
            if global.json { return Output.json(keys) }
            Output.table(
                ["ID", "状态/status", "公钥/public key", "创建/created"],
                keys.map { [String($0.id), $0.status.rawValue, $0.publicKey, SiteTime.format($0.createdAt, in: core.policy.site.timeZone)] })
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "更换签名密钥 / Start signing with a new key (old badges stay valid)")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let core = try global.openCore()
            let key = try core.credentials.rotateSigningKey(by: try global.actor(core))
            if global.json { return Output.json(key) }
            print("新密钥已启用 / new signing key active: \(key.id)")
        }
    }

    struct ExportPublic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-public", abstract: "导出公钥（供门禁）/ Export public keys for gates (JSON)")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let core = try global.openCore()
            _ = try global.actor(core)
            Output.json(try core.credentials.publicKeyExport())
        }
    }
}
