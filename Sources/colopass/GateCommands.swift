import ArgumentParser
import ColopassCore
import Foundation

/// The file exchange with a gate that has no network: the snapshot goes to it on a file, its
/// events come back on another. Acts as an account with the gate permission (a guard).
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate", abstract: "离线门禁的文件交换 / File exchange with a gate without a network",
        subcommands: [Snapshot.self, Events.self, Alerts.self])

    struct Snapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导出签名快照到文件 / Write the signed snapshot (and its photos) for `gate-check sync --from-file`")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The file to write; the photos go to photos/ beside it.") var out: String
        @Option(help: "The gate's cursor (`gate-check status`) for only what changed since; 0 (default) for everything.")
        var since: Int64 = 0

        func validate() throws {
            if since < 0 { throw ValidationError("--since must be 0 or more") }
        }

        func run() throws {
            let core = try global.openCore()
            let export = try core.gate.writeGateSnapshot(to: out, since: since, by: try global.actor(core))
            if global.json { return Output.json(export) }
            print("已导出快照 / snapshot written: \(export.entries) 条 / entries, cursor \(export.since) → \(export.cursor), \(export.photos) 张新照片 / new photos")
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导入门禁事件文件 / Record the events of a file from `gate-check events --out`")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("from-file"), help: "The events file.") var fromFile: String

        func run() throws {
            let core = try global.openCore()
            let upload = try core.gate.recordGateEvents(fromFile: fromFile, by: try global.actor(core))
            if global.json { return Output.json(upload) }
            print("已记录 \(upload.accepted) 个事件 / \(upload.accepted) event(s) recorded, \(upload.duplicates) 个已有 / already on record")
        }
    }
}
