import ArgumentParser
import Foundation
import GateCheck

/// `gate-check run`: keeps the replica current by itself, for as long as it runs (see `GateLink`).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "保持与服务实时同步 / Stay in sync with the service: pull changes as they happen, upload events")
    @OptionGroup var options: GateOptions
    @OptionGroup var http: ServiceHTTPOptions
    @Option(help: "Seconds the service may hold each request open waiting for a change.") var wait: Int = 25
    @Option(help: "Entries per page of a snapshot.") var pageSize: Int = 5_000

    func validate() throws {
        guard http.server != nil else { throw ValidationError("--server URL is required / 请提供 --server") }
        guard (1...30).contains(wait) else { throw ValidationError("--wait must be 1…30 seconds") }
        guard (1...5_000).contains(pageSize) else { throw ValidationError("--page-size must be 1…5000") }
    }

    func run() throws {
        guard let source = try http.source() else { return }
        let replica = try Replica(directory: options.directory, writer: .link)
        guard !(try replica.trustedKeys().isEmpty) else {
            throw ValidationError("尚未信任站点公钥，请先运行 gate-check init / no trusted keys: run `gate-check init` first")
        }
        let link = GateLink(
            replica: replica, source: source, wait: TimeInterval(wait), pageLimit: pageSize,
            log: { line in
                FileHandle.standardError.write(Data("\(GateDisplay.siteTime(Date(), .current)) \(line)\n".utf8))
            })
        // SIGTERM (systemd's stop) and SIGINT end the loops between two steps: a page is applied
        // whole or not at all, whichever way the process ends.
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { link.stop() }
            source.resume()
            Run.signalSources.append(source)
        }
        print("门禁实时同步已启动 / live sync running against \(http.server ?? "")")
        fflush(nil)
        link.run()
    }

    nonisolated(unsafe) static var signalSources: [DispatchSourceSignal] = []
}
