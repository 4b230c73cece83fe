import ArgumentParser
import ColopassCore
import ColopassServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "启动服务 / Start the service")
    @OptionGroup var global: GlobalOptions
    @Option var host: String = "127.0.0.1"
    @Option var port: Int = 8080
    /// For `colopass-bench server` only: also answer a bare `GET /hello`, the baseline the API
    /// routes are measured against. Hidden from help; not part of the API.
    @Flag(help: ArgumentHelp("Also answer GET /hello (benchmark baseline).", visibility: .hidden))
    var benchHelloRoute = false
    /// A reverse proxy in front of the service: its `X-Forwarded-For` names the client (for
    /// sign-in throttling). Repeat for each proxy; from any other address the header is ignored.
    @Option(name: .customLong("trusted-proxy"), help: "Address of a reverse proxy whose X-Forwarded-For is trusted (repeatable).")
    var trustedProxies: [String] = []

    func run() async throws {
        let core = try global.openCore()
        _ = try core.accounts.initialiseSite(adminName: "admin")
        // First start: the admin (and any demo account) gets a one-time password, printed here
        // once; only its hash is stored, so the next start prints nothing.
        let first = try await Offload.cpu { try core.accounts.assignFirstPasswords(adminName: "admin") }
        if !first.isEmpty {
            say("一次性初始密码（仅显示这一次，请登录后修改）/ one-time passwords (shown once; change them after signing in):")
            for (account, password) in first { say("  \(account)  \(password)") }
        }
        say("Colopass 服务 / service: http://\(host):\(port)  (数据 / data: \(core.dataDirectory))")
        // K2, K4, K7: the service desk's clock runs beside the server and stops with it.
        let deskClock = Task { await ServiceDeskClockJob(core: core).run() }
        defer { deskClock.cancel() }
        let checkpoints = AuditCheckpointJob.start(core)
        defer { checkpoints.cancel() }
        // Notifications go out from here, after their changes commit, until the server stops.
        let worker = Task { await OutboxWorker(outbox: core.outbox).run() }
        defer { worker.cancel() }
        try await ColopassServer.run(
            core: core, host: host, port: port, configuration: ServerConfiguration(helloRoute: benchHelloRoute, trustedProxies: Set(trustedProxies)))
    }

    /// Unbuffered, so a supervisor or a test reading the pipe sees the lines at once.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
