import Foundation

/// A credential with its Ed25519 signature, and its text form for the QR: `CP1:` + Base45.
/// Base45 keeps every character inside the QR alphanumeric set, so the code stays small.
public struct SignedCredential: Sendable, Equatable {
    public static let prefix = "CP1:"

    public var credential: Credential
    public var signature: [UInt8]

    public static func sign(_ credential: Credential, with key: Ed25519PrivateKey) throws -> SignedCredential {
        SignedCredential(credential: credential, signature: try key.signature(for: credential.signedMessage))
    }

    public var text: String { Self.prefix + Base45.encode(credential.fieldBytes + signature) }

    /// Parses the text a scanner typed. Scanners append CR/LF and some keyboards lower-case;
    /// both are forgiven (spaces are not trimmed: a space is a Base45 digit). Anything else that
    /// does not parse is an unreadable scan, not a forgery.
    public static func parse(_ scanned: String) -> SignedCredential? {
        var text = Array(scanned.utf8)
        if text.allSatisfy({ $0 < 0x80 }) {
            // What a scanner types: ASCII, trimmed and upper-cased byte by byte. Foundation's
            // trimming and Unicode upper-casing cost more than the rest of the parse together,
            // and for ASCII they do exactly this.
            while let last = text.last, last == cr || last == lf { text.removeLast() }
            let start = text.firstIndex { $0 != cr && $0 != lf } ?? text.endIndex
            text = text[start...].map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
        } else {
            // Anything else as Unicode says, where some letters upper-case into ASCII ("ı" is "I").
            text = Array(scanned.trimmingCharacters(in: CharacterSet(charactersIn: "\r\n")).uppercased().utf8)
        }
        guard text.starts(with: prefix.utf8), let bytes = try? Base45.decode(utf8: text[prefix.utf8.count...]),
            let (credential, offset) = Credential.parseFields(bytes), bytes.count - offset == 64
        else { return nil }
        return SignedCredential(credential: credential, signature: Array(bytes[offset...]))
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    public func isSigned(by key: Ed25519PublicKey) -> Bool {
        key.isValidSignature(signature, for: credential.signedMessage)
    }
}
