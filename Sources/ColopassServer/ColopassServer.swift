import ColopassCore
import Hummingbird
import Logging

/// What the composition root needs beyond the core: the password hasher (tests use a cheaper
/// one), whether session cookies are marked Secure (behind TLS) and whether the benchmark's bare
/// `GET /hello` is answered.
public struct ServerConfiguration: Sendable {
    public var hasher: PasswordHasher
    public var secureCookies: Bool
    /// `colopass serve --bench-hello-route`, for `colopass-bench server` only: the baseline the
    /// API routes are compared with, served by the same binary in the same run.
    public var helloRoute: Bool

    /// Reverse proxies whose `X-Forwarded-For` is believed (`serve --trusted-proxy`); from any
    /// other peer the header is ignored, so a client cannot pick the address it is throttled by.
    public var trustedProxies: Set<String>

    public init(
        hasher: PasswordHasher = PasswordHasher(), secureCookies: Bool = false, helloRoute: Bool = false,
        trustedProxies: Set<String> = []
    ) {
        self.hasher = hasher
        self.secureCookies = secureCookies
        self.helloRoute = helloRoute
        self.trustedProxies = trustedProxies
    }
}

/// The HTTP shell over the core. One composition root: `buildApplication`.
public enum ColopassServer {
    public static func buildApplication(
        core: Core, host: String, port: Int, configuration: ServerConfiguration = ServerConfiguration(),
        logger: Logger? = nil
    ) -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "colopass.server")
        if logger.logLevel > .info { logger.logLevel = .info }
        return Application(
            router: buildRouter(core: core, configuration: configuration),
            configuration: .init(address: .hostname(host, port: port), serverName: "Colopass"),
            logger: logger)
    }

    /// Every route the server answers, in one table: registered here, compared with
    /// `openapi.yaml` and walked role by role in the tests.
    static func routeTable(core: Core, configuration: ServerConfiguration) -> [APIRoute] {
        HealthController(core: core).routes
            + AuthController(core: core, configuration: configuration).routes
            + AccountsController(core: core, configuration: configuration).routes
            + ClientsController(core: core).routes
            + ContractsController(core: core).routes
            + PeopleController(core: core).routes
            + CardsController(core: core).routes
            + VisitsController(core: core).routes
            + EmergenciesController(core: core).routes
            + RecordsController(core: core).routes
            + EquipmentController(core: core).routes
            + RemovalsController(core: core).routes
            + GateController(core: core).routes
            + WebSessionController(core: core, configuration: configuration).routes
            + ConsoleController(core: core).routes
            + PortalController(core: core).routes
            + AccountsPagesController(core: core, configuration: configuration).routes
            + TicketsController(core: core).routes
            + ServiceDeskController(core: core).routes
            + ServiceDeskPages(core: core).routes
            + RecordsPages(core: core).routes
            + clientSideRoutes(core: core)
    }

    /// What the tests read of the route table: "GET /api/cards/{number}", who may call it at
    /// all (open, signedIn, gate) and the core permission it exercises.
    public struct RouteInfo: Sendable, Equatable {
        public var key: String
        public var access: String
        public var permission: Permission?
    }

    public static func routes(core: Core) -> [RouteInfo] {
        routeTable(core: core, configuration: ServerConfiguration()).map {
            RouteInfo(key: $0.key, access: $0.access.rawValue, permission: $0.permission)
        }
    }

    static func buildRouter(core: Core, configuration: ServerConfiguration) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        let table = routeTable(core: core, configuration: configuration)
        router.add(middleware: MethodGuard<AppRequestContext>(table))
        let guardian = RouteGuard(core: core)
        for route in table {
            router.on(RouterPath(route.path), method: route.method) { request, context -> Response in
                // The guard reads the token and the handler calls the core: both block.
                var response = try await Offload.handler {
                    // Pages answer their failures as pages (WebErrorPage); the API's go to the middleware.
                    try await WebErrorPage.answer(route, request, context, core: core, guardian: guardian)
                }
                if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
                return response
            }
        }
        if configuration.helloRoute {
            // The benchmark's baseline: Hummingbird's own cost of a request, with only the
            // middleware every route gets (the error mapping) and no guard, core or JSON. Left out
            // of the route table, and so of openapi.yaml and the role walk, on purpose: it is not
            // part of the API and is off unless `serve --bench-hello-route` asks for it.
            router.get("/hello") { _, _ in "hello" }
        }
        return router
    }

    /// Runs until SIGINT or SIGTERM, then shuts down gracefully.
    public static func run(
        core: Core, host: String, port: Int, configuration: ServerConfiguration = ServerConfiguration()
    ) async throws {
        try await buildApplication(core: core, host: host, port: port, configuration: configuration).runService()
    }
}
