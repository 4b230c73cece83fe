import ColopassCore
import Foundation

/// A file sent inside a JSON body: its bytes as base64, and optionally the name it had. The core's
/// document store checks size (policy `upload_max_bytes`) and type (JPEG, PNG, PDF by content).
struct Upload: Decodable, Sendable {
    var filename: String?
    var base64: String
}

/// Hands uploads to the core, which reads documents from files: each upload is decoded into a
/// private temp file under the data directory for the length of one core call, then removed.
enum Uploads {
    static func with<T>(
        _ core: Core, _ uploads: [(field: String, upload: Upload?)], _ body: ([String: String]) throws -> T
    ) throws -> T {
        let folder = (core.dataDirectory as NSString).appendingPathComponent("uploads")
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var paths: [String: String] = [:]
        defer { for path in paths.values { try? FileManager.default.removeItem(atPath: path) } }
        for (field, upload) in uploads {
            guard let upload else { continue }
            let bytes = try decode(upload, field: field, limit: core.policy.parameters.uploadMaxBytes)
            let path = (folder as NSString).appendingPathComponent(UUID().uuidString)
            guard FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600])
            else {
                throw CoreError.invalid(field, zh: "无法保存上传的文件", en: "could not keep the uploaded file")
            }
            paths[field] = path
        }
        return try body(paths)
    }

    /// Size is checked on the encoded length first, so an oversized upload is never decoded.
    static func decode(_ upload: Upload, field: String, limit: Int) throws -> Data {
        let text = upload.base64.filter { !$0.isWhitespace }
        guard text.utf8.count <= (limit + 2) / 3 * 4 + 4 else {
            throw CoreError.invalid(field, zh: "文件超过 \(limit) 字节", en: "file is larger than \(limit) bytes")
        }
        guard let data = Data(base64Encoded: text) else {
            throw CoreError.invalid(field, zh: "不是有效的 base64 内容", en: "not valid base64")
        }
        guard !data.isEmpty else { throw CoreError.invalid(field, zh: "文件为空", en: "the file is empty") }
        return data
    }
}
