import Foundation

/// What a backup folder holds and the SHA-256 of each file: a restore copies nothing whose bytes
/// differ from what the manifest says, and nothing the manifest does not name.
public struct BackupManifest: Sendable, Codable, Equatable {
    public struct File: Sendable, Codable, Equatable {
        /// Relative to the backup folder (and to the data directory it restores into).
        public var path: String
        public var sha256: String
        public var size: Int
        /// Private signing keys: restored 0600.
        public var secret: Bool
    }

    public var format: Int
    public var site: String
    public var takenAt: String
    /// The audit chain's head in the copied database.
    public var auditSeq: Int64
    public var auditHash: String
    public var withKeys: Bool
    public var files: [File]

    public static let fileName = "manifest.json"
    public static let currentFormat = 1

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(self)) ?? Data()
    }

    static func read(_ data: Data) -> BackupManifest? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(BackupManifest.self, from: data)
    }
}

/// What a backup or a restore did.
public struct BackupSummary: Sendable, Codable, Equatable {
    public var directory: String
    public var files: Int
    public var bytes: Int
    public var auditSeq: Int64
    public var withKeys: Bool
}
