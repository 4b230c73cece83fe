import Foundation

/// What a gate without a network exchanges with the service on files, in the service's JSON wire
/// format, the very bodies of the HTTP gate routes:
/// - to the gate, a `SignedSnapshot` (`colopass gate snapshot --out FILE`), with the photos of
///   its entries in `photos/` beside the file, each named by its SHA-256, so the snapshots of one
///   folder share them and a photo already there is not carried again;
/// - from the gate, a `GateEventBatch` (`gate-check events --out FILE`).
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

public struct GateFileUnreadable: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "无法读取文件 / cannot read \(path)" }
}
