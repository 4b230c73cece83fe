import Foundation
import GRDB

/// Photos and scans (ID copies, letters, seals) as files named by their SHA-256 under the data
/// directory: the database refers to the hash, so a file that changes on disk no longer matches.
public struct DocumentStore: Sendable {
    public enum MediaType: String, Sendable {
        case jpeg = "image/jpeg", png = "image/png", pdf = "application/pdf"

        static func sniff(_ bytes: [UInt8]) -> MediaType? {
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            return nil
        }
    }

    public let root: String
    public let maxBytes: Int

    public func path(of sha256: String) -> String {
        (root as NSString).appendingPathComponent("\(sha256.prefix(2))/\(sha256)")
    }

    /// Checks a file before any transaction starts, so bad input changes nothing.
    public func load(_ sourcePath: String, field: String) throws -> (bytes: [UInt8], type: MediaType) {
        guard let data = FileManager.default.contents(atPath: sourcePath) else {
            throw CoreError.invalid(field, zh: "无法读取文件 \(sourcePath)", en: "cannot read file \(sourcePath)")
        }
        guard data.count <= maxBytes else {
            throw CoreError.invalid(
                field, zh: "文件超过 \(maxBytes) 字节", en: "file is larger than \(maxBytes) bytes")
        }
        let bytes = Array(data)
        guard let type = MediaType.sniff(bytes) else {
            throw CoreError.invalid(field, zh: "只接受 JPEG、PNG 或 PDF 文件", en: "only JPEG, PNG or PDF files are accepted")
        }
        return (bytes, type)
    }

    /// Writes the bytes (once: same content, same name) and registers them in the transaction.
    public func store(_ bytes: [UInt8], type: MediaType, in db: Database, at now: Date) throws -> String {
        let sha = SHA256.hex(bytes)
        let target = path(of: sha)
        if !FileManager.default.fileExists(atPath: target) {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = target + ".partial"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary), options: .atomic)
            try FileManager.default.moveItem(atPath: temporary, toPath: target)
        }
        try db.execute(
            sql: "INSERT OR IGNORE INTO document (sha256, media_type, size, created_at) VALUES (?, ?, ?, ?)",
            arguments: [sha, type.rawValue, bytes.count, now])
        return sha
    }
}
