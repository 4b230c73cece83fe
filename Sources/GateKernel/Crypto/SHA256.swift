import COpenSSL

public enum SHA256 {
    public static let digestLength = 32

    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var digest = [UInt8](repeating: 0, count: digestLength)
        var length: UInt32 = 0
        let ok = input.withUnsafeBytes { raw in
            digest.withUnsafeMutableBufferPointer { out in
                EVP_Digest(raw.baseAddress, raw.count, out.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // SHA-256 over memory we own has no failure mode short of a broken libcrypto.
        precondition(ok == 1 && length == UInt32(digestLength), "EVP_Digest(SHA-256) failed")
        return digest
    }

    /// Lowercase hex of the digest.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        hash(bytes).hexString
    }
}
