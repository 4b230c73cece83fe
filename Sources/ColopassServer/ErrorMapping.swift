import ColopassCore
import Foundation
import Hummingbird
import Logging

/// The one mapping from failures to HTTP for the whole server (API and pages alike).
///
/// Body: `{"error": {"clause": C1.limit | null, "field": "photo" | null, "zh": "…", "en": "…"}}`.
///
/// | failure | status |
/// | --- | --- |
/// | `invalidInput` | 400, naming the field |
/// | `notFound` | 404 |
/// | refused: not signed in, wrong password (`R1.session`, `R1.signin`) | 401 |
/// | refused: sign-in lock-out (`R1.throttled`) | 429 |
/// | refused for who is asking: role, approver, disabled, own request, other client, CSRF | 403 |
/// | any other refusal (a rule about the thing itself: limits, states, windows) | 409 |
/// | anything else | 500, a generic message; the detail goes to the log only |
extension CoreError: HTTPResponseError {
    public var status: HTTPResponse.Status {
        switch self {
        case .invalidInput: .badRequest
        case .notFound: .notFound
        case .refused(let refusal): Self.status(of: refusal.clause.audience)
        }
    }

    static func status(of audience: Audience) -> HTTPResponse.Status {
        switch audience {
        case .request: .conflict
        case .asker(let asker):
            switch asker {
            case .signedOut, .badCredentials: .unauthorized
            case .throttled: .tooManyRequests
            case .disabled, .role, .approver, .separation, .otherClient, .csrf: .forbidden
            }
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try Reply.json(ErrorBody(self), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"colopass\"" }
        return response
    }
}

struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var clause: String?
        var field: String?
        var zh: String
        var en: String
    }

    var error: Detail

    init(_ error: CoreError) {
        switch error {
        case .refused(let refusal):
            self.error = Detail(clause: refusal.clause.code, field: nil, zh: error.message.zh, en: error.message.en)
        case .invalidInput(let field, _):
            self.error = Detail(clause: nil, field: field, zh: error.message.zh, en: error.message.en)
        case .notFound:
            self.error = Detail(clause: nil, field: nil, zh: error.message.zh, en: error.message.en)
        }
    }

    init(_ message: Bilingual) {
        error = Detail(clause: nil, field: nil, zh: message.zh, en: message.en)
    }
}

/// Every error leaving a route becomes the JSON above: core errors through their own mapping,
/// Hummingbird's (no such route, body too large) keep their status with a bilingual line, and
/// anything else is a 500 whose detail is logged, never sent.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let (status, body, extra) = Self.describe(error, request, context)
            var response = try Self.isPage(request) ? Self.page(body, status, request) : Reply.json(body, status: status)
            for field in extra { response.headers.append(field) }
            return response
        }
    }

    /// Status, body and extra headers of any error: the one mapping.
    static func describe(_ error: Error, _ request: Request, _ context: Context) -> (HTTPResponse.Status, ErrorBody, HTTPFields) {
        switch error {
        case let error as CoreError:
            var extra: HTTPFields = [:]
            if error.status == .unauthorized { extra[.wwwAuthenticate] = "Bearer realm=\"colopass\"" }
            return (error.status, ErrorBody(error), extra)
        case let error as HTTPResponseError:
            var extra: HTTPFields = [:]
            if let original = try? error.response(from: request, context: context) {
                for field in original.headers where ![.contentType, .contentLength].contains(field.name) {
                    extra.append(field)
                }
            }
            return (error.status, ErrorBody(message(for: error.status)), extra)
        default:
            context.logger.error(
                "unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return (
                .internalServerError, ErrorBody(Bilingual(zh: "服务内部错误，已记录", en: "internal error; it has been logged")),
                [:]
            )
        }
    }

    /// The console and portal get the same answer as a page, with a way back.
    static func isPage(_ request: Request) -> Bool {
        request.uri.path == "/" || request.uri.path.hasPrefix("/web/")
    }

    static func page(_ body: ErrorBody, _ status: HTTPResponse.Status, _ request: Request) -> Response {
        let page = Page(
            title: Bilingual(zh: "无法办理", en: "Not done"), language: Page.language(request), identity: nil, csrf: nil,
            zone: .current)
        var fields: [String: Any] = ["error": ErrorView(body, page)]
        if status == .unauthorized { fields["signIn"] = "/web/signin" }
        return page.render("error", fields, status: status, path: request.uri.path)
    }

    static func message(for status: HTTPResponse.Status) -> Bilingual {
        switch status.code {
        case 404: Bilingual(zh: "没有这个地址", en: "no such route")
        case 405: Bilingual(zh: "不支持此方法", en: "method not allowed")
        case 413: Bilingual(zh: "请求体过大", en: "the request body is too large")
        case 415: Bilingual(zh: "请求体须为 JSON（application/json，UTF-8）", en: "the body must be JSON (application/json, UTF-8)")
        case 400..<500: Bilingual(zh: "请求无效（\(status.code)）", en: "bad request (\(status.code))")
        default: Bilingual(zh: "服务内部错误，已记录", en: "internal error; it has been logged")
        }
    }
}
