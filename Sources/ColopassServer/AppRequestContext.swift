import ColopassCore
import Foundation
import Hummingbird

/// What every request carries through the server: who it acts as (once signed in), the client's
/// address (for sign-in throttling) and how JSON is written: snake_case keys, ISO 8601 dates, as
/// `colopass --json` prints.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the route guard for every route that needs a signed-in account.
    public var identity: Authenticated?
    /// The session secret when the identity came from the web cookie (CSRF tokens derive from it).
    public var cookieSession: String?
    /// The peer's socket address; no forwarding header is trusted.
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    public var requestDecoder: JSONDecoder { JSONCoding.decoder }
    public var responseEncoder: JSONEncoder { JSONCoding.encoder }

    /// The signed-in actor. Routes that reach here have passed the guard; an open route asking for
    /// an actor is a programming error reported as "not signed in".
    func signedIn(_ core: Core) throws -> Authenticated {
        guard let identity else {
            throw core.policy.refusal(R1.session, zh: "请先登录", en: "sign in first")
        }
        return identity
    }

    func actor(_ core: Core) throws -> Actor { try signedIn(core).actor }
}
