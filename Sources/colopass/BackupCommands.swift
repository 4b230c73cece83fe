import ArgumentParser
import ColopassCore
import Foundation

/// `colopass backup --out DIR`: a consistent copy of the running site (the database through
/// SQLite's online backup, the documents, the audit checkpoints, a manifest of SHA-256 hashes).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "备份站点 / Back up the site while it runs")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A new or empty folder for the backup.") var out: String
    @Flag(help: "Also copy the private signing keys (written 0600). Keep such a backup as safe as the keys.")
    var withKeys = false

    func run() throws {
        let core = try global.openCore()
        let summary = try core.backup.take(to: out, withKeys: withKeys, by: try global.actor(core))
        if global.json { return Output.json(summary) }
        print(
            "已备份 / backed up: \(summary.files) 个文件 files, \(summary.bytes) 字节 bytes, 审计至第 \(summary.auditSeq) 条 / audit to record \(summary.auditSeq)\(withKeys ? "，含签名私钥 / with signing keys" : "") → \(out)"
        )
    }
}

/// `colopass restore DIR --data-dir NEW`: into a new or empty data directory only, after the
/// manifest and the audit chain check out.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "从备份恢复 / Restore a backup into a new data directory")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup folder.") var backup: String
    @Option(help: "The site's public keys (`colopass keys export-public`, as the gates hold them): the manifest's signature is checked against them rather than against the backup's own database.")
    var publicKeys: String?

    func run() throws {
        guard let target = global.dataDir ?? ProcessInfo.processInfo.environment["COLOPASS_DATA"] else {
            throw CoreError.invalid("data-dir", zh: "请用 --data-dir 指定新的数据目录", en: "name the new data directory with --data-dir")
        }
        let policy = try Policy.load(contentsOf: global.resolvedPolicyPath)
        let keys = try publicKeys.map { path -> PublicKeyExport in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CoreError.invalid("public-keys", zh: "无法读取公钥文件 \(path)", en: "cannot read the public-key file \(path)")
            }
            do { return try KeyFile.read(data) } catch let error as KeyFileRejected {
                throw CoreError.invalid("public-keys", zh: error.message.zh, en: error.message.en)
            }
        }
        let summary = try SiteBackup.restore(from: backup, into: target, policy: policy, publicKeys: keys)
        if global.json { return Output.json(summary) }
        print(
            "已恢复 / restored: \(summary.files) 个文件 files, 审计链完整至第 \(summary.auditSeq) 条 / audit chain intact to record \(summary.auditSeq), 清单由密钥 \(summary.signedBy) 签名\(summary.keyFromFile ? "（按公钥文件核对）" : "") / manifest signed by key \(summary.signedBy)\(summary.keyFromFile ? " (checked against the public-key file)" : "")\(summary.withKeys ? "" : "；备份不含签名私钥 / the backup holds no signing keys") → \(target)"
        )
    }
}
