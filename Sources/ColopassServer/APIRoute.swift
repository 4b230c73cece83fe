import ColopassCore
import Foundation
import HTTPTypes
import Hummingbird

/// One entry of the server's single route table: what registers the route with the router, what
/// the OpenAPI test compares with `openapi.yaml`, and what the role walk in the tests enumerates.
struct APIRoute: Sendable {
    enum Access: String, Sendable {
        /// No sign-in: health, the OpenAPI document, sign-in itself, the web sign-in page.
        case open
        /// A session (bearer or web cookie) or an API token.
        case signedIn
        /// Also a gate token; a gate token opens nothing else.
        case gate
    }

    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    var method: HTTPRequest.Method
    /// OpenAPI style: `/api/cards/{number}`. Hummingbird reads `{name}` as a capture too.
    var path: String
    var access: Access
    /// The core permission the route exercises, for documentation and the role walk. The core
    /// enforces it; the server never checks roles itself.
    var permission: Permission?
    var handler: Handler

    init(
        _ method: HTTPRequest.Method, _ path: String, _ access: Access = .signedIn, _ permission: Permission? = nil,
        _ handler: @escaping Handler
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.permission = permission
        self.handler = handler
    }

    /// "GET /api/cards/{number}", as the OpenAPI test compares routes.
    var key: String { "\(method.rawValue) \(path)" }
}

/// Resolves who a request acts as before its handler runs: `Authorization: Bearer …` (sessions,
/// API tokens, gate tokens) or the web session cookie. A state change through the cookie also
/// needs the CSRF token (header `X-CSRF-Token`, or the form's `csrf` field on pages).
struct RouteGuard: Sendable {
    static let cookieName = "colopass_session"
    let core: Core

    func admit(_ route: APIRoute, _ request: Request, _ context: AppRequestContext) throws -> AppRequestContext {
        guard route.access != .open else { return context }
        var context = context
        let (secret, viaCookie) = try credentials(request)
        let identity = try core.accounts.authenticate(token: secret)
        if identity.kind == .gate, route.access != .gate {
            throw core.policy.refusal(
                R1.role, zh: "门禁令牌只能用于门禁接口", en: "a gate token opens the gate endpoints only")
        }
        context.identity = identity
        if identity.passwordChangeDue, !OneTimePassword.allowed.contains(route.key), !route.path.hasPrefix("/web/") {
            throw core.policy.refusal(
                R1.passwordChange, zh: "请先修改一次性密码（PUT /api/me/password）",
                en: "change the one-time password first (PUT /api/me/password)")
        }
        if viaCookie {
            context.cookieSession = secret
            if ![.get, .head].contains(request.method), !request.uri.path.hasPrefix("/web/") {
                // Pages check the form's field themselves; the JSON API reads the header.
                guard let sent = request.headers[.csrfToken], CSRF.matches(sent, session: secret) else {
                    throw core.policy.refusal(
                        R1.csrf, zh: "缺少或错误的 CSRF 令牌，请刷新页面", en: "missing or wrong CSRF token; reload the page")
                }
            }
        }
        return context
    }

    private func credentials(_ request: Request) throws -> (String, Bool) {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return (String(parts[1]).trimmingCharacters(in: .whitespaces), false)
            }
        }
        if let cookie = request.cookies[Self.cookieName] { return (cookie.value, true) }
        throw core.policy.refusal(R1.session, zh: "请先登录", en: "sign in first")
    }
}

/// CSRF tokens: the SHA-256 of the session secret under a fixed context. Nothing to store, not
/// derivable without the cookie, which scripts on other sites cannot read (HttpOnly, SameSite).
enum CSRF {
    static func token(session: String) -> String { SHA256.hex(Array("colopass-csrf:\(session)".utf8)) }

    static func matches(_ sent: String, session: String) -> Bool {
        let expected = Array(token(session: session).utf8)
        let given = Array(sent.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
