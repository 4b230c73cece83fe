/// Why a policy file cannot be used. Start-up stops with this message: it names the file, the key
/// and the reason, so the operator can fix the file without reading code.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unreadable, malformed, missingKey = "missing key", unknownKey = "unknown key"
        case wrongType = "wrong type", badValue = "bad value"
    }

    public var file: String
    public var key: String
    public var kind: Kind
    public var reason: String

    public var description: String { "\(file): \(key): \(kind.rawValue): \(reason)" }
}
