import ColopassCore
import Hummingbird
import Logging

/// The HTTP shell over the core. One composition root: `buildApplication`.
public enum ColopassServer {
    public static func buildApplication(core: Core, host: String, port: Int) -> some ApplicationProtocol {
        var logger = Logger(label: "colopass.server")
        logger.logLevel = .info
        let router = Router()
        HealthController(core: core).addRoutes(to: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "Colopass"),
            logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then shuts down gracefully.
    public static func run(core: Core, host: String, port: Int) async throws {
        try await buildApplication(core: core, host: host, port: port).runService()
    }
}
