import ColopassCore
import Foundation
import Hummingbird

/// A submitted form: `application/x-www-form-urlencoded` or `multipart/form-data` (file uploads),
/// read up to the server's body limit. Reading one checks its CSRF field when the request came
/// with the session cookie, so no page action can skip it.
struct WebForm {
    var fields: [String: String] = [:]
    var files: [String: Data] = [:]

    static func read(_ request: Request, _ context: AppRequestContext, _ core: Core) async throws -> WebForm {
        let buffer = try await request.body.collect(upTo: Input.bodyLimit(core))
        let data = Data(buffer: buffer)
        let type = request.headers[.contentType] ?? ""
        var form = WebForm()
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = type.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
                !boundary.isEmpty
            else { throw CoreError.invalid("body", zh: "表单格式无效", en: "malformed form") }
            form = try multipart(data, boundary: boundary)
        } else {
            form.fields = urlencoded(String(decoding: data, as: UTF8.self))
        }
        if let session = context.cookieSession {
            guard let sent = form.fields["csrf"], CSRF.matches(sent, session: session) else {
                throw core.policy.refusal(
                    R1.csrf, zh: "缺少或错误的 CSRF 令牌，请刷新页面", en: "missing or wrong CSRF token; reload the page")
            }
        }
        return form
    }

    func text(_ name: String) -> String? {
        fields[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func require(_ name: String) throws -> String {
        guard let value = text(name) else {
            throw CoreError.invalid(name, zh: "此项必填", en: "this field is required")
        }
        return value
    }

    func int(_ name: String) throws -> Int64 {
        guard let value = Int64(try require(name)), value > 0 else {
            throw CoreError.invalid(name, zh: "应为正整数编号", en: "a positive whole number")
        }
        return value
    }

    /// A file field as an upload for the core (nil when no file was chosen).
    func upload(_ name: String) -> Upload? {
        guard let data = files[name], !data.isEmpty else { return nil }
        return Upload(filename: nil, base64: data.base64EncodedString())
    }

    static func urlencoded(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// RFC 7578, as browsers send it: parts split on the boundary, a header block, then the value.
    static func multipart(_ data: Data, boundary: String) throws -> WebForm {
        var form = WebForm()
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var cursor = data.startIndex
        guard let first = data.range(of: delimiter, in: cursor..<data.endIndex) else {
            throw CoreError.invalid("body", zh: "表单格式无效", en: "malformed form")
        }
        cursor = first.upperBound
        while cursor < data.endIndex {
            // "--" after a delimiter ends the form; otherwise CRLF starts a part.
            if data[cursor...].starts(with: Data("--".utf8)) { break }
            guard data[cursor...].starts(with: Data("\r\n".utf8)) else { break }
            let partStart = cursor + 2
            guard let next = data.range(of: delimiter, in: partStart..<data.endIndex),
                let split = data.range(of: headerEnd, in: partStart..<next.lowerBound)
            else { throw CoreError.invalid("body", zh: "表单格式无效", en: "malformed form") }
            let headers = String(decoding: data[partStart..<split.lowerBound], as: UTF8.self)
            var valueEnd = next.lowerBound
            if valueEnd >= split.upperBound + 2, data[(valueEnd - 2)..<valueEnd] == Data("\r\n".utf8) { valueEnd -= 2 }
            let value = data[split.upperBound..<max(split.upperBound, valueEnd)]
            if let name = parameter("name", in: headers) {
                if parameter("filename", in: headers) != nil {
                    form.files[name] = Data(value)
                } else {
                    form.fields[name] = String(decoding: value, as: UTF8.self)
                }
            }
            cursor = next.upperBound
        }
        return form
    }

    private static func parameter(_ name: String, in headers: String) -> String? {
        for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for item in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if item.hasPrefix("\(name)=") {
                    return String(item.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        return nil
    }
}
