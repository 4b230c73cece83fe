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
            throw core.policy.refusal("R1.session", zh: "请先登录", en: "sign in first")
        }
        return identity
    }

    func actor(_ core: Core) throws -> Actor { try signedIn(core).actor }
}

enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(withFraction))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date(text, strategy: withFraction) { return date }
            if let date = try? Date(text, strategy: .iso8601) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an ISO 8601 time")
        }
        return decoder
    }

    /// ISO 8601 in UTC with milliseconds: gate events keep their exact time through the API.
    static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
