import Foundation

/// What a gate pulls from the service: the public keys, the rules the door applies, and the
/// entries changed since the gate's last cursor (all of them on the first pull).
public struct GateSnapshot: Sendable, Codable {
    public struct Rules: Sendable, Codable, Equatable {
        /// The door's copies of the policy's modes (same raw values): the gate reads no policy file.
        public enum AntiPassback: String, Sendable, Codable, CaseIterable {
            case off, warn, deny
        }

        public enum StaleReplicaMode: String, Sendable, Codable, CaseIterable {
            case failSecure = "fail_secure"
            case warn
        }

        public var site: String
        public var timeZone: String
        public var antiPassback: AntiPassback
        public var staleReplicaMode: StaleReplicaMode
        public var maxAgeMinutes: Int
        public var escortRequired: Bool
        /// From this share of `maxAgeMinutes` (in percent) every decision warns (G1.aging). A
        /// service that does not send it means the policy's default, 75.
        public var warnPercent: Int = 75
        /// Rule values a newer service sent that this build does not know, by field, kept as
        /// written: while any is present the door denies every scan (G1.newer).
        public var unknownValues: [String: String] = [:]

        public init(
            site: String, timeZone: String, antiPassback: AntiPassback, staleReplicaMode: StaleReplicaMode,
            maxAgeMinutes: Int, escortRequired: Bool, warnPercent: Int = 75
        ) {
            self.warnPercent = warnPercent
            self.site = site
            self.timeZone = timeZone
            self.antiPassback = antiPassback
            self.staleReplicaMode = staleReplicaMode
            self.maxAgeMinutes = maxAgeMinutes
            self.escortRequired = escortRequired
        }
    }

    /// Where a page of a snapshot starts or stops: a credential, in (kind, id) order.
    public struct Position: Sendable, Codable, Equatable {
        public var kind: CredentialKind
        public var credentialId: UInt32

        public init(kind: CredentialKind, credentialId: UInt32) {
            self.kind = kind
            self.credentialId = credentialId
        }
    }

    public var generatedAt: Date
    public var since: Int64
    public var cursor: Int64
    public var rules: Rules
    public var keys: [PublicKeyExport.Key]
    public var entries: [GateEntry]
    /// The service's newest signed audit checkpoint, so every gate keeps recent ones (absent from
    /// an older service).
    public var auditCheckpoint: AuditCheckpoint? = nil
    /// A page of a snapshot: it holds the entries after `after` (nil: from the first), and `next`
    /// is where the following page starts (nil: this page ends the snapshot). A snapshot in one
    /// piece has neither. The gate takes `cursor` only from the last page.
    public var after: Position?
    public var next: Position?

    public init(
        generatedAt: Date, since: Int64, cursor: Int64, rules: Rules, keys: [PublicKeyExport.Key], entries: [GateEntry]
    ) {
        self.generatedAt = generatedAt
        self.since = since
        self.cursor = cursor
        self.rules = rules
        self.keys = keys
        self.entries = entries
    }
}

/// A snapshot as sent: the exact JSON bytes (as text) and Ed25519 signatures over them by every
/// site key the service still holds, so a gate that pinned an older key still trusts the
/// snapshot that introduces a newer one.
extension GateSnapshot.Rules {
    enum CodingKeys: String, CodingKey {
        case site, timeZone, antiPassback, staleReplicaMode, maxAgeMinutes, escortRequired
        case warnPercent
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        site = try c.decode(String.self, forKey: .site)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        maxAgeMinutes = try c.decode(Int.self, forKey: .maxAgeMinutes)
        escortRequired = try c.decode(Bool.self, forKey: .escortRequired)
        warnPercent = try c.decodeIfPresent(Int.self, forKey: .warnPercent) ?? 75
        let passback = try c.decode(String.self, forKey: .antiPassback)
        let stale = try c.decode(String.self, forKey: .staleReplicaMode)
        // The safest readings stand in for values this build does not know.
        antiPassback = readLeniently("antiPassback", passback, fallback: .deny, unknown: &unknownValues)
        staleReplicaMode = readLeniently("staleReplicaMode", stale, fallback: .failSecure, unknown: &unknownValues)
        if TimeZone(identifier: timeZone) == nil { unknownValues["timeZone"] = timeZone }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(site, forKey: .site)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(unknownValues["antiPassback"] ?? antiPassback.rawValue, forKey: .antiPassback)
        try c.encode(unknownValues["staleReplicaMode"] ?? staleReplicaMode.rawValue, forKey: .staleReplicaMode)
        try c.encode(maxAgeMinutes, forKey: .maxAgeMinutes)
        try c.encode(escortRequired, forKey: .escortRequired)
        try c.encode(warnPercent, forKey: .warnPercent)
    }
}

public struct SignedSnapshot: Sendable, Codable {
    public struct Signature: Sendable, Codable {
        public var keyId: Int64
        public var signature: String

        public init(keyId: Int64, signature: String) {
            self.keyId = keyId
            self.signature = signature
        }
    }

    public var body: String
    public var signatures: [Signature]

    public init(body: String, signatures: [Signature]) {
        self.body = body
        self.signatures = signatures
    }

    /// What the site keys sign: this label, then the body's bytes.
    package static let context = Array("COLOPASS-GATE-SNAPSHOT".utf8)

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }

    /// The snapshot, if at least one signature is by a key the gate already trusts.
    public func open(trusting trusted: [Int64: Ed25519PublicKey]) throws -> GateSnapshot {
        let bytes = Array(body.utf8)
        let vouched = signatures.contains { signature in
            guard let key = trusted[signature.keyId], let raw = [UInt8](hex: signature.signature) else { return false }
            return key.isValidSignature(raw, for: Self.context + bytes)
        }
        guard vouched else { throw SnapshotRejected(reason: "not signed by a key this gate trusts") }
        return try Self.decoder().decode(GateSnapshot.self, from: Data(bytes))
    }
}

public struct SnapshotRejected: Error, CustomStringConvertible {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { "快照被拒绝 / snapshot rejected: \(reason)" }
}
