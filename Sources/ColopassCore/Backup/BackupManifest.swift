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

/// The manifest's bytes signed with the site key: a backup whose files and manifest were
/// rewritten together (hashes recomputed) is still refused, unless the signing key was taken too.
public struct BackupSignature: Sendable, Codable, Equatable {
    public var keyId: Int64
    /// Ed25519 over `signedBytes(manifest)`, hex.
    public var signature: String

    public static let fileName = "manifest.sig"

    /// A label, then the manifest's exact bytes: no other message a site key signs (badges,
    /// snapshots, audit checkpoints) reads as a backup manifest.
    static func signedBytes(_ manifest: Data) -> [UInt8] { Array("COLOPASS-BACKUP-MANIFEST\n".utf8) + Array(manifest) }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(self)) ?? Data()
    }

    static func read(_ data: Data) -> BackupSignature? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(BackupSignature.self, from: data)
    }
}

/// What a backup or a restore did.
public struct BackupSummary: Sendable, Codable, Equatable {
    public var directory: String
    public var files: Int
    public var bytes: Int
    public var auditSeq: Int64
    public var withKeys: Bool
    /// The site key that signed the manifest.
    public var signedBy: Int64
    /// The signature was checked against a public-key file the operator gave (`--public-keys`),
    /// not only against the key the backup's own database names.
    public var keyFromFile: Bool = false
}
