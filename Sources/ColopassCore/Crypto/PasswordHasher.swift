import COpenSSL
import Foundation

/// PBKDF2-HMAC-SHA256 password storage: `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
/// The iteration count travels with each stored hash, so raising the default later does not
/// lock out existing accounts.
public struct PasswordHasher: Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    public static let scheme = "pbkdf2-sha256"
    static let saltLength = 16
    static let keyLength = 32
    // Bounds what a tampered stored string can make verify() spend.
    static let maximumIterations = 10_000_000

    public let iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        precondition(
            (1...Self.maximumIterations).contains(iterations),
            "PasswordHasher: iterations must be in 1...\(Self.maximumIterations)")
        self.iterations = iterations
    }

    public func hash(_ password: String) -> String {
        let salt = SecureRandom.bytes(Self.saltLength)
        let key = Self.derive(
            password: Self.normalized(password), salt: salt, iterations: iterations,
            length: Self.keyLength)
        return [
            Self.scheme, String(iterations),
            Data(salt).base64EncodedString(), Data(key).base64EncodedString(),
        ].joined(separator: "$")
    }

    /// False for a wrong password and for anything that is not a well-formed stored hash.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme,
            parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let storedIterations = Int(parts[1]),
            (1...Self.maximumIterations).contains(storedIterations),
            let salt = Data(base64Encoded: String(parts[2])), !salt.isEmpty,
            let expected = Data(base64Encoded: String(parts[3])),
            (16...64).contains(expected.count)
        else { return false }
        let actual = Self.derive(
            password: Self.normalized(password), salt: Array(salt), iterations: storedIterations,
            length: expected.count)
        let expectedBytes = Array(expected)
        // Constant time, so response timing does not reveal how much of the hash matched.
        return actual.withUnsafeBytes { a in
            expectedBytes.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 }
        }
    }

    /// Raw PBKDF2-HMAC-SHA256, exposed for test vectors.
    public static func derive(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        precondition(iterations >= 1 && iterations <= Int(Int32.max), "PBKDF2: bad iteration count")
        precondition(length >= 1 && length <= 1024, "PBKDF2: bad key length")
        var key = [UInt8](repeating: 0, count: length)
        // A dummy byte stands in for empty inputs, which may have no storage to point at.
        let passwordBytes = password.isEmpty ? [0] : password
        let saltBytes = salt.isEmpty ? [0] : salt
        let ok = passwordBytes.withUnsafeBufferPointer { p in
            saltBytes.withUnsafeBufferPointer { s in
                key.withUnsafeMutableBufferPointer { k in
                    p.withMemoryRebound(to: CChar.self) { pc in
                        PKCS5_PBKDF2_HMAC(
                            pc.baseAddress, Int32(password.count), s.baseAddress, Int32(salt.count),
                            Int32(iterations), EVP_sha256(), Int32(length), k.baseAddress)
                    }
                }
            }
        }
        // Only allocation failure can make this fail; there is no sensible hash to return then.
        precondition(ok == 1, "PKCS5_PBKDF2_HMAC failed: \(CryptoFailure.fromOpenSSL("PBKDF2"))")
        return key
    }

    /// NFC, so the same password typed on keyboards that compose accents differently still matches.
    static func normalized(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }
}
