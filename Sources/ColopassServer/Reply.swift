import ColopassCore
import Foundation
import Hummingbird

/// Responses the API writes: JSON bodies, files, nothing.
enum Reply {
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        if let value = value as? any JSONWritable {
            var writer = JSONWriter()
            value.write(to: &writer)
            return json(bytes: writer.bytes, status: status)
        }
        return json(bytes: try JSONCoding.encoder.encode(value), status: status)
    }

    private static func json(bytes: some Sequence<UInt8>, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func bytes(
        _ bytes: some Sequence<UInt8>, type: String, status: HTTPResponse.Status = .ok, filename: String? = nil
    ) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Array(bytes))))
    }

    static func text(_ text: String, type: String, filename: String? = nil) -> Response {
        bytes(Array(text.utf8), type: type, filename: filename)
    }

    static func noContent() -> Response { Response(status: .noContent) }
}

/// Reading a request: JSON bodies (bad fields named), path parameters and query items, each
/// failure a `CoreError.invalidInput` naming what was wrong.
enum Input {
    /// Largest body the JSON API reads: three base64 uploads of the policy's size and some text.
    static func bodyLimit(_ core: Core) -> Int { core.policy.parameters.uploadMaxBytes * 4 + 256 * 1024 }

    static func json<T: Decodable>(_ type: T.Type, from request: Request, _ core: Core) async throws -> T {
        let buffer = try await request.body.collect(upTo: bodyLimit(core))
        // No body and no type is a missing body (400 below), not a body of another type.
        if buffer.readableBytes > 0 || request.headers[.contentType] != nil { try StrictBody.requireJSON(request) }
        try StrictBody.requireUTF8(Array(buffer: buffer))
        do {
            return try JSONCoding.decoder.decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw invalid(error)
        } catch let error as CoreError {
            throw error
        } catch {
            throw CoreError.invalid("body", zh: "请求体不是有效的 JSON", en: "the body is not valid JSON")
        }
    }

    static func invalid(_ error: DecodingError) -> CoreError {
        func field(_ path: [CodingKey], _ key: CodingKey? = nil) -> String {
            let keys = path + (key.map { [$0] } ?? [])
            let name = keys.map { $0.intValue.map { "[\($0)]" } ?? snake($0.stringValue) }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
            return name.isEmpty ? "body" : name
        }
        switch error {
        case .keyNotFound(let key, let context):
            return CoreError.invalid(field(context.codingPath, key), zh: "缺少此字段", en: "this field is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return CoreError.invalid(field(context.codingPath), zh: "类型不正确", en: "wrong type")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return CoreError.invalid("body", zh: "请求体不是有效的 JSON", en: "the body is not valid JSON")
            }
            return CoreError.invalid(field(context.codingPath), zh: "值无效", en: "invalid value")
        @unknown default:
            return CoreError.invalid("body", zh: "请求体无效", en: "invalid body")
        }
    }

    static func snake(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func id(_ name: String, _ context: AppRequestContext) throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else {
            throw CoreError.invalid(name, zh: "应为正整数编号", en: "a positive whole number")
        }
        return value
    }

    static func text(_ name: String, _ context: AppRequestContext) throws -> String {
        guard let text = context.parameters.get(name), !text.isEmpty else {
            throw CoreError.invalid(name, zh: "缺少路径参数", en: "missing path parameter")
        }
        return text.removingPercentEncoding ?? text
    }

    static func query(_ name: String, _ request: Request) -> String? {
        request.uri.queryParameters[Substring(name)].map { String($0).removingPercentEncoding ?? String($0) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    static func queryInt(_ name: String, _ request: Request, atLeast minimum: Int64 = 0) throws -> Int64? {
        // `?client=` names the parameter and gives no number: refused, not read as absent.
        let given = request.uri.queryParameters[Substring(name)] != nil
        guard let text = query(name, request) else {
            if given {
                throw CoreError.invalid(name, zh: "应为不小于 \(minimum) 的整数", en: "a whole number, at least \(minimum)")
            }
            return nil
        }
        guard let value = Int64(text), value >= minimum else {
            throw CoreError.invalid(name, zh: "应为不小于 \(minimum) 的整数", en: "a whole number, at least \(minimum)")
        }
        return value
    }

    /// The parameter as sent, an empty value kept: for parameters whose every value must be one
    /// of a few words (`?all=` with nothing is not a boolean).
    static func queryAsSent(_ name: String, _ request: Request) -> String? {
        request.uri.queryParameters[Substring(name)].map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// Absent is false; present, it says which.
    static func queryBool(_ name: String, _ request: Request) throws -> Bool {
        switch queryAsSent(name, request)?.lowercased() {
        case nil, "false", "0", "no": return false
        case "true", "1", "yes": return true
        default: throw CoreError.invalid(name, zh: "应为 true 或 false", en: "true or false")
        }
    }

    /// `?lang=zh` (the default) or `?lang=en`: an export's column headers; any other value refused.
    static func queryLanguage(_ request: Request) throws -> String {
        switch queryAsSent("lang", request) {
        case nil, "zh": return "zh"
        case "en": return "en"
        default: throw CoreError.invalid("lang", zh: "应为 zh 或 en", en: "zh or en")
        }
    }

    static func day(_ name: String, _ request: Request, default fallback: Day) throws -> Day {
        guard let text = query(name, request) else { return fallback }
        guard let day = Day(text) else {
            throw CoreError.invalid(name, zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD")
        }
        return day
    }
}
