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

    func run() async throws {
        let core = try global.openCore()
        _ = try core.initialiseSite(adminName: "admin")
        print("Colopass 服务 / service: http://\(host):\(port)  (数据 / data: \(core.dataDirectory))")
        try await ColopassServer.run(core: core, host: host, port: port)
    }
}
