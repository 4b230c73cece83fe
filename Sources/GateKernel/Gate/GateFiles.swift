import Foundation

/// What a gate without a network exchanges with the service on files, in the service's JSON wire
/// format, the very bodies of the HTTP gate routes:
/// - to the gate, a `SignedSnapshot` (`colopass gate snapshot --out FILE`), with the photos of
///   its entries in `photos/` beside the file, each named by its SHA-256, so the snapshots of one
///   folder share them and a photo already there is not carried again;
/// - from the gate, a `GateEventBatch` (`gate-check events --out FILE`).
///
/// A snapshot file holds one signed page per line, in order, each the body of `GET
/// /api/gate/snapshot?limit=…` (JSON escapes every line break inside a page, so a line is a
/// page). A file in one piece, as services before paging wrote it, is a file of one line.
public enum GateFiles {
    public static func photoDirectory(besides file: String) -> String {
        ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("photos")
    }

    /// Written whole or not at all: a file cut short by a pulled USB stick must not be half read.
    public static func write(_ value: some Encodable, to path: String) throws {
        try JSONCoding.encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public static func read<Value: Decodable>(_ type: Value.Type, from path: String) throws -> Value {
        guard let data = FileManager.default.contents(atPath: path) else { throw GateFileUnreadable(path: path) }
        return try JSONCoding.decoder.decode(type, from: data)
    }
}

/// The lines of a file read a chunk at a time, so a snapshot of any size is read in the memory of
/// one page.
public struct GateFileLines: Sequence, IteratorProtocol {
    let file: FileHandle
    var buffer: [UInt8] = []
    var start = 0
    var ended = false
    static let chunk = 1 << 20

    public init(path: String) throws {
        guard let file = FileHandle(forReadingAtPath: path) else { throw GateFileUnreadable(path: path) }
        self.file = file
    }

    /// The next non-empty line, without its line break; nil at the end of the file.
    public mutating func next() -> [UInt8]? {
        while true {
            if let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<end])
                start = end + 1
                if line.isEmpty || line == [UInt8(ascii: "\r")] { continue }
                return line
            }
            if ended {
                defer { buffer = []; start = 0 }
                let rest = Array(buffer[start...])
                try? file.close()
                return rest.isEmpty ? nil : rest
            }
            buffer.removeFirst(start)
            start = 0
            let data = (try? file.read(upToCount: Self.chunk)) ?? nil
            if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { ended = true }
        }
    }
}

public struct GateFileUnreadable: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "无法读取文件 / cannot read \(path)" }
}
