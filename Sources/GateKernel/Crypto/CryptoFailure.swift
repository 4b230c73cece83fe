import COpenSSL

/// An OpenSSL call (or a precondition of one, like a key's length) failed.
public struct CryptoFailure: Error, CustomStringConvertible {
    /// What was being attempted, e.g. "Ed25519 sign".
    public let operation: String
    /// OpenSSL's own explanation, or ours when the failure was caught before calling it.
    public let reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation) failed: \(reason)" }

    /// Takes the oldest entry of this thread's OpenSSL error queue and clears the rest, so a
    /// stale error can never be blamed on a later, unrelated call.
    package static func fromOpenSSL(_ operation: String) -> CryptoFailure {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return CryptoFailure(operation: operation, reason: "unknown OpenSSL error") }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return CryptoFailure(operation: operation, reason: text)
    }
}
