import Foundation

/// The signed content of every QR: who issued it (site, key), what it is (kind, id, generation)
/// and when it is good. No name or ID number travels in it: the gate looks the holder up by id.
public struct Credential: Sendable, Equatable, Codable {
    public static let formatVersion: UInt8 = 1

    public var kind: CredentialKind
    public var keyId: UInt16
    public var credentialId: UInt32
    /// Bumped on reissue; a credential of an older generation is denied forever.
    public var generation: UInt16
    public var site: String
    /// Whole seconds since 1970, UTC.
    public var validFrom: UInt32
    public var validUntil: UInt32

    public init(
        kind: CredentialKind, keyId: UInt16, credentialId: UInt32, generation: UInt16, site: String,
        validFrom: Date, validUntil: Date
    ) {
        self.kind = kind
        self.keyId = keyId
        self.credentialId = credentialId
        self.generation = generation
        self.site = site
        self.validFrom = UInt32(clamping: Int64(validFrom.timeIntervalSince1970.rounded(.down)))
        self.validUntil = UInt32(clamping: Int64(validUntil.timeIntervalSince1970.rounded(.down)))
    }

    public var validFromDate: Date { Date(timeIntervalSince1970: TimeInterval(validFrom)) }
    public var validUntilDate: Date { Date(timeIntervalSince1970: TimeInterval(validUntil)) }

    /// The fields as signed: fixed-width big-endian, the site as length-prefixed ASCII.
    public var fieldBytes: [UInt8] {
        var bytes: [UInt8] = [Self.formatVersion, kind.rawValue]
        bytes.appendBigEndian(keyId)
        bytes.appendBigEndian(credentialId)
        bytes.appendBigEndian(generation)
        let siteBytes = Array(site.utf8.prefix(15))
        bytes.append(UInt8(siteBytes.count))
        bytes += siteBytes
        bytes.appendBigEndian(validFrom)
        bytes.appendBigEndian(validUntil)
        return bytes
    }

    /// What the key signs: a fixed context label in front of the fields, so a Colopass signature
    /// can never be replayed as a signature over some other kind of message.
    public var signedMessage: [UInt8] { Array("COLOPASS-CREDENTIAL".utf8) + fieldBytes }

    /// Parses the field bytes; returns the credential and the offset where the signature starts.
    static func parseFields(_ bytes: [UInt8]) -> (Credential, Int)? {
        var reader = ByteReader(bytes)
        guard let version = reader.uint8(), version == formatVersion,
            let kindByte = reader.uint8(), let kind = CredentialKind(rawValue: kindByte),
            let keyId: UInt16 = reader.bigEndian(), let credentialId: UInt32 = reader.bigEndian(),
            let generation: UInt16 = reader.bigEndian(), let siteLength = reader.uint8(), siteLength <= 15,
            let siteBytes = reader.bytes(Int(siteLength)), let site = String(bytes: siteBytes, encoding: .ascii),
            let validFrom: UInt32 = reader.bigEndian(), let validUntil: UInt32 = reader.bigEndian()
        else { return nil }
        var credential = Credential(
            kind: kind, keyId: keyId, credentialId: credentialId, generation: generation, site: site,
            validFrom: Date(), validUntil: Date())
        credential.validFrom = validFrom
        credential.validUntil = validUntil
        return (credential, reader.offset)
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func uint8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bigEndian<T: FixedWidthInteger>() -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        defer { offset += size }
        return bytes[offset..<offset + size].reduce(T(0)) { ($0 << 8) | T($1) }
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }
}
