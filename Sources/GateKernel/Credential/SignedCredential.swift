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
        let text = scanned.trimmingCharacters(in: CharacterSet(charactersIn: "\r\n")).uppercased()
        guard text.hasPrefix(prefix), let bytes = try? Base45.decode(String(text.dropFirst(prefix.count))),
            let (credential, offset) = Credential.parseFields(bytes), bytes.count - offset == 64
        else { return nil }
        return SignedCredential(credential: credential, signature: Array(bytes[offset...]))
    }

    public func isSigned(by key: Ed25519PublicKey) -> Bool {
        key.isValidSignature(signature, for: credential.signedMessage)
    }
}
