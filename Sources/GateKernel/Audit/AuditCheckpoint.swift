import Foundation

/// The audit chain's head (its last sequence number and that record's hash) signed with a site
/// key. Copies kept outside the database (a file beside it, every gate's replica) let
/// `colopass audit verify` see a deleted tail or a database put back to an older copy: the
/// chain must still reach every checkpoint it ever signed, with the same hash there.
public struct AuditCheckpoint: Sendable, Codable, Equatable, Hashable {
    public var site: String
    public var seq: Int64
    public var hash: String
    /// ISO 8601 UTC with milliseconds, kept as text so the signed bytes are the carried bytes.
    public var signedAt: String
    public var keyId: Int64
    /// Ed25519 over `signedBytes`, hex.
    public var signature: String

    public init(site: String, seq: Int64, hash: String, signedAt: String, keyId: Int64, signature: String) {
        self.site = site
        self.seq = seq
        self.hash = hash
        self.signedAt = signedAt
        self.keyId = keyId
        self.signature = signature
    }

    /// A label, then every field, one per line: no other message a site key signs (badges,
    /// snapshots) can read as a checkpoint.
    public var signedBytes: [UInt8] {
        Array("COLOPASS-AUDIT-CHECKPOINT\n\(site)\n\(seq)\n\(hash)\n\(signedAt)\n\(keyId)".utf8)
    }

    public static func sign(
        site: String, seq: Int64, hash: String, signedAt: String, keyId: Int64, key: Ed25519PrivateKey
    ) throws -> AuditCheckpoint {
        var checkpoint = AuditCheckpoint(site: site, seq: seq, hash: hash, signedAt: signedAt, keyId: keyId, signature: "")
        checkpoint.signature = try key.signature(for: checkpoint.signedBytes).hexString
        return checkpoint
    }

    public func isSigned(by key: Ed25519PublicKey) -> Bool {
        guard let raw = [UInt8](hex: signature) else { return false }
        return key.isValidSignature(raw, for: signedBytes)
    }

    /// One checkpoint per line, as the file beside the database and a gate's export hold them.
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The checkpoints in a file of lines (or one JSON array); a line that does not parse is
    /// reported by its number rather than dropped in silence.
    public static func parse(_ text: String) -> (checkpoints: [AuditCheckpoint], unreadableLines: [Int]) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("["), let all = try? decoder.decode([AuditCheckpoint].self, from: Data(trimmed.utf8)) {
            return (all, [])
        }
        var found: [AuditCheckpoint] = []
        var unreadable: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let checkpoint = try? decoder.decode(AuditCheckpoint.self, from: Data(line.utf8)) {
                found.append(checkpoint)
            } else {
                unreadable.append(index + 1)
            }
        }
        return (found, unreadable)
    }
}
