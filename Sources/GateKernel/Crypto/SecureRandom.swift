import COpenSSL

public enum SecureRandom {
    /// Bytes from OpenSSL's CSPRNG. Keys and salts depend on this, so if the generator cannot
    /// deliver we stop rather than continue with predictable values.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= Int(Int32.max), "SecureRandom.bytes: bad count \(count)")
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        precondition(ok == 1, "RAND_bytes failed: \(CryptoFailure.fromOpenSSL("RAND_bytes"))")
        return out
    }
}
