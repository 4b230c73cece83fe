import COpenSSL
import Synchronization

// Why @unchecked Sendable is sound for both key classes: the EVP_PKEY is created once in init,
// never mutated afterwards and freed only in deinit; OpenSSL 3 allows concurrent read-only use
// of one EVP_PKEY, and every sign/verify call creates and frees its own EVP_MD_CTX. The stored
// Swift properties are immutable `let`s.

public final class Ed25519PrivateKey: @unchecked Sendable {
    public static let keyLength = 32
    public static let signatureLength = 64

    private let pkey: OpaquePointer
    public let rawRepresentation: [UInt8]
    public let publicKey: Ed25519PublicKey

    /// The 32-byte RFC 8032 secret seed.
    public init(rawRepresentation: [UInt8]) throws {
        guard rawRepresentation.count == Self.keyLength else {
            throw CryptoFailure(
                operation: "Ed25519 private key",
                reason: "expected \(Self.keyLength) bytes, got \(rawRepresentation.count)")
        }
        guard let pkey = rawRepresentation.withUnsafeBufferPointer({
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
        }) else {
            throw CryptoFailure.fromOpenSSL("Ed25519 private key")
        }
        var publicBytes = [UInt8](repeating: 0, count: Ed25519PublicKey.keyLength)
        var publicLength = publicBytes.count
        let ok = publicBytes.withUnsafeMutableBufferPointer {
            EVP_PKEY_get_raw_public_key(pkey, $0.baseAddress, &publicLength)
        }
        guard ok == 1, publicLength == Ed25519PublicKey.keyLength else {
            EVP_PKEY_free(pkey)
            throw CryptoFailure.fromOpenSSL("Ed25519 public key derivation")
        }
        self.pkey = pkey
        self.rawRepresentation = rawRepresentation
        self.publicKey = try Ed25519PublicKey(rawRepresentation: publicBytes)
    }

    deinit { EVP_PKEY_free(pkey) }

    public static func generate() -> Ed25519PrivateKey {
        // A 32-byte seed of the right length is always accepted, so this cannot throw in practice.
        do {
            return try Ed25519PrivateKey(rawRepresentation: SecureRandom.bytes(keyLength))
        } catch {
            preconditionFailure("Ed25519 key generation failed: \(error)")
        }
    }

    /// A 64-byte pure-Ed25519 signature (deterministic: same key and message, same signature).
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw CryptoFailure.fromOpenSSL("Ed25519 sign") }
        defer { EVP_MD_CTX_free(ctx) }
        // Ed25519 in OpenSSL is one-shot only: no digest, no Update calls.
        guard EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1 else {
            throw CryptoFailure.fromOpenSSL("Ed25519 sign init")
        }
        var signature = [UInt8](repeating: 0, count: Self.signatureLength)
        var signatureLength = signature.count
        let ok = withNonNullBytes(message) { messagePointer, messageLength in
            signature.withUnsafeMutableBufferPointer {
                EVP_DigestSign(ctx, $0.baseAddress, &signatureLength, messagePointer, messageLength)
            }
        }
        guard ok == 1, signatureLength == Self.signatureLength else {
            throw CryptoFailure.fromOpenSSL("Ed25519 sign")
        }
        return signature
    }
}

public final class Ed25519PublicKey: @unchecked Sendable {
    public static let keyLength = 32

    private let pkey: OpaquePointer
    public let rawRepresentation: [UInt8]

    public init(rawRepresentation: [UInt8]) throws {
        guard rawRepresentation.count == Self.keyLength else {
            throw CryptoFailure(
                operation: "Ed25519 public key",
                reason: "expected \(Self.keyLength) bytes, got \(rawRepresentation.count)")
        }
        guard let pkey = rawRepresentation.withUnsafeBufferPointer({
            EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
        }) else {
            throw CryptoFailure.fromOpenSSL("Ed25519 public key")
        }
        self.pkey = pkey
        self.rawRepresentation = rawRepresentation
    }

    deinit {
        pool.withLock { contexts in contexts.forEach { EVP_MD_CTX_free($0.ctx) } }
        EVP_PKEY_free(pkey)
    }

    /// False for any bad input, including a signature of the wrong length; never throws or traps,
    /// because the bytes usually come straight from a scanned, untrusted QR code.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == Ed25519PrivateKey.signatureLength, let ctx = takeContext() else { return false }
        let result = withNonNullBytes(message) { messagePointer, messageLength in
            signature.withUnsafeBufferPointer {
                EVP_DigestVerify(ctx, $0.baseAddress, $0.count, messagePointer, messageLength)
            }
        }
        // 1 is good, 0 is a bad signature, negative is an error; only 1 counts. A rejected
        // signature leaves entries on the thread's error queue, which nobody will read, and its
        // context is not trusted again.
        if result == 1 {
            giveBack(ctx)
        } else {
            ERR_clear_error()
            EVP_MD_CTX_free(ctx)
        }
        return result == 1
    }

    /// Initialising a verification context (the provider fetch) costs about as much as the
    /// verification itself, and an Ed25519 context can verify again after a successful one-shot
    /// verify (as `openssl speed` does). So initialised contexts are pooled per key; each call
    /// holds its own, so threads never share one.
    private let pool = Mutex<[VerifyContext]>([])

    private func takeContext() -> OpaquePointer? {
        if let held = pool.withLock({ $0.popLast() }) { return held.ctx }
        guard let ctx = EVP_MD_CTX_new() else {
            ERR_clear_error()
            return nil
        }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else {
            ERR_clear_error()
            EVP_MD_CTX_free(ctx)
            return nil
        }
        return ctx
    }

    private func giveBack(_ ctx: OpaquePointer) {
        let kept = pool.withLock { contexts -> Bool in
            guard contexts.count < 16 else { return false }
            contexts.append(VerifyContext(ctx: ctx))
            return true
        }
        if !kept { EVP_MD_CTX_free(ctx) }
    }
}

/// A pooled context: only ever used by the one caller that took it out of the pool.
private struct VerifyContext: @unchecked Sendable {
    let ctx: OpaquePointer
}

/// An empty array may have no storage; OpenSSL wants a real pointer even for zero bytes.
private func withNonNullBytes<R>(
    _ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> R
) -> R {
    if bytes.isEmpty {
        var placeholder: UInt8 = 0
        return body(&placeholder, 0)
    }
    return bytes.withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
}
