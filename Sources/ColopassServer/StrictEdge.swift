import ColopassCore
import Foundation
import Hummingbird

/// What the edge accepts before a handler sees a request: the methods the API speaks (TRACE and
/// anything unknown answer 405, as does a known path asked with a method it does not answer,
/// with the `Allow` it does), JSON bodies sent as JSON (415 otherwise), and text that is UTF-8.
struct MethodGuard<Context: RequestContext>: RouterMiddleware {
    static var spoken: Set<HTTPRequest.Method> { [.get, .head, .post, .put, .patch, .delete] }

    /// Each route's path split at "/", `{name}` matching any one segment, with its methods.
    let templates: [(segments: [Substring], methods: [String])]

    init(_ routes: [APIRoute]) {
        var byPath: [String: [String]] = [:]
        var order: [String] = []
        for route in routes {
            if byPath[route.path] == nil { order.append(route.path) }
            byPath[route.path, default: []].append(route.method.rawValue)
        }
        templates = order.map { ($0.split(separator: "/"), byPath[$0]!) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard Self.spoken.contains(request.method) else { throw notAllowed(request.uri.path) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            if !allowed(request.uri.path).isEmpty { throw notAllowed(request.uri.path) }
            throw error
        }
    }

    /// The methods of the route the router resolves `path` to: as Hummingbird's trie does, a
    /// literal segment wins over a `{name}` at the first place they differ.
    func allowed(_ path: String) -> [String] {
        let segments = path.split(separator: "/")
        var best: (segments: [Substring], methods: [String])?
        for template in templates where template.segments.count == segments.count {
            let matches = zip(template.segments, segments).allSatisfy { pattern, segment in
                Self.isParameter(pattern) || pattern == segment
            }
            guard matches else { continue }
            if let current = best, !Self.isMoreLiteral(template.segments, than: current.segments) { continue }
            best = template
        }
        return best?.methods ?? []
    }

    static func isParameter(_ segment: Substring) -> Bool { segment.hasPrefix("{") && segment.hasSuffix("}") }

    static func isMoreLiteral(_ a: [Substring], than b: [Substring]) -> Bool {
        for (x, y) in zip(a, b) where isParameter(x) != isParameter(y) { return !isParameter(x) }
        return false
    }

    private func notAllowed(_ path: String) -> HTTPError {
        let allow = allowed(path)
        var headers: HTTPFields = [:]
        if !allow.isEmpty { headers[.allow] = Set(allow).sorted().joined(separator: ", ") }
        return HTTPError(.methodNotAllowed, headers: headers)
    }
}

enum StrictBody {
    /// A JSON route reads `application/json` (UTF-8) and nothing else: a body sent as text, a
    /// form or with no type is refused whole (415) rather than guessed at.
    static func requireJSON(_ request: Request) throws {
        guard let type = request.headers[.contentType] else {
            throw HTTPError(.unsupportedMediaType, message: "application/json expected")
        }
        let parts = type.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/json" else {
            throw HTTPError(.unsupportedMediaType, message: "application/json expected")
        }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" else {
                throw HTTPError(.unsupportedMediaType, message: "UTF-8 expected")
            }
        }
    }

    /// A body that is not UTF-8 is refused (400) naming the field whose text holds the first bad
    /// byte: the JSON key written last before it.
    static func requireUTF8(_ bytes: [UInt8]) throws {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var valid = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                valid = offset
            case .emptyInput: return
            case .error: break loop
            }
        }
        let before = String(decoding: bytes[..<valid], as: UTF8.self)
        throw CoreError.invalid(field(before), zh: "文字不是有效的 UTF-8 编码", en: "the text is not valid UTF-8")
    }

    /// The last `"key":` in the JSON text before the bad byte, snake_case as sent.
    static func field(_ text: String) -> String {
        let pattern = /"((?:[^"\\]|\\.)*)"\s*:/
        return text.matches(of: pattern).last.map { String($0.output.1) } ?? "body"
    }
}
