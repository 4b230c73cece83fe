import ArgumentParser
import Foundation
import GateCheck
import GateKernel

/// The service over HTTP: `--server URL --token T` (or $COLOPASS_GATE_TOKEN), a gate token an
/// admin issued to the guard account (`colopass token issue baoan --kind gate`).
struct ServiceHTTPOptions: ParsableArguments {
    @Option(help: "The service's URL, e.g. http://127.0.0.1:8080.") var server: String?
    @Option(help: "The gate's bearer token (or $COLOPASS_GATE_TOKEN).") var token: String?

    func source() throws -> HTTPSource? {
        guard let server else { return nil }
        guard let token = token ?? ProcessInfo.processInfo.environment["COLOPASS_GATE_TOKEN"], !token.isEmpty else {
            throw ValidationError("--token (or $COLOPASS_GATE_TOKEN) is required with --server / 请提供门禁令牌")
        }
        return try HTTPSource(server: server, token: token)
    }
}

struct InitGate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "信任站点公钥 / Pin the site's public keys")
    @OptionGroup var options: GateOptions
    @Option(help: "JSON from `colopass keys export-public`: a file, or - for standard input.") var keys: String?
    @OptionGroup var http: ServiceHTTPOptions

    func run() throws {
        let export: PublicKeyExport
        if let keys {
            let data = keys == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: keys)
            guard let data else {
                throw ValidationError("无法打开密钥文件 \(keys) / cannot open the key file \(keys)")
            }
            export = try KeyFile.read(data)
        } else if let source = try http.source() {
            export = try source.publicKeys()
        } else {
            throw ValidationError("give --keys FILE (or -) or --server URL --token T")
        }
        guard !export.keys.isEmpty else { throw ValidationError("the site has no signing keys yet") }
        try options.replica().trust(export)
        print("已信任 \(export.keys.count) 个公钥 / trusted \(export.keys.count) key(s) of site \(export.site)")
    }
}

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "上传事件并拉取快照 / Upload events, pull the signed snapshot (or apply one from a file)")
    @OptionGroup var options: GateOptions
    @OptionGroup var http: ServiceHTTPOptions
    @Option(
        name: .customLong("from-file"),
        help: "A snapshot from `colopass gate snapshot --out FILE`, its photos in photos/ beside it.")
    var fromFile: String?
    @Option(help: "Entries per page of the snapshot pulled from --server (1…5000).") var pageSize = 5_000
    @Flag(help: "A line on standard error for each page applied (a first sync of a large site takes a while).")
    var progress = false

    func validate() throws {
        if fromFile != nil, http.server != nil { throw ValidationError("give --server or --from-file, not both") }
        guard (1...5_000).contains(pageSize) else { throw ValidationError("--page-size must be 1…5000") }
    }

    func run() throws {
        let replica = try options.replica()
        if let fromFile {
            let photos = GateFiles.photoDirectory(besides: fromFile)
            let report = try GateSync.applyFile(
                fromFile, to: replica,
                photos: { sha in FileManager.default.contents(atPath: (photos as NSString).appendingPathComponent(sha)).map(Array.init) },
                now: Date.init)
            print("已应用快照 / snapshot applied: \(report.entries) 条更新 / entries updated, cursor \(report.cursor)")
            return
        }
        guard let source = try http.source() else {
            throw ValidationError("give --server URL --token T, or --from-file FILE")
        }
        let progress = self.progress
        let report = try GateSync.run(replica, from: source, now: Date(), pageLimit: pageSize) { report, page in
            guard progress else { return }
            let next = page.next.map { "\($0.kind.rawValue):\($0.credentialId)" } ?? "—"
            let from = page.after.map { "\($0.kind.rawValue):\($0.credentialId)" } ?? "0"
            FileHandle.standardError.write(
                Data("页 / page \(report.pages): \(page.entries.count) 条 / entries after \(from), 下一页 / next \(next)\n".utf8))
        }
        print("已同步 / synchronised: \(report.uploaded) 事件上传 / events uploaded (\(report.duplicates) 重复 / duplicates), \(report.entries) 条更新 / entries updated, cursor \(report.cursor)")
    }
}

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导出待上传事件到文件 / Write the events not yet carried to a file (for `colopass gate events`)")
    @OptionGroup var options: GateOptions
    @Option(help: "The file to write.") var out: String
    @Flag(help: "Also the events already written to an earlier file (that file was lost).") var again = false

    func run() throws {
        let replica = try options.replica()
        let events = try replica.eventsToCarry(again: again)
        try GateFiles.write(GateEventBatch(events: events), to: out)
        try replica.markExported(events.map(\.id), at: Date())
        print("已导出 \(events.count) 个事件 / \(events.count) event(s) written to \(out)")
    }
}
