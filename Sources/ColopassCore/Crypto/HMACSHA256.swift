import COpenSSL
import Foundation
import GateKernel

/// HMAC-SHA256 through libcrypto's one-shot `HMAC`: what signs the webhooks.
public enum HMACSHA256 {
    public static func hex(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> String {
        let (key, message) = (Array(key), Array(message))
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { k in
            message.withUnsafeBytes { m in
                digest.withUnsafeMutableBufferPointer { out in
                    HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), m.baseAddress?.assumingMemoryBound(to: UInt8.self),
                         m.count, out.baseAddress, &length)
                }
            }
        }
        precondition(result != nil && length == 32, "HMAC(SHA-256) failed")
        return digest.hexString
    }
}
