import Foundation

/// An IPv4 address as a number, so pools are ranges and "the next free address" is arithmetic.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Dotted quad, strictly: four decimal octets 0–255 without leading zeros (`010` is octal to
    /// some tools and decimal to others, so it is refused rather than guessed).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var description: String {
        [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}

/// A CIDR block such as `10.20.0.0/24`. Its usable hosts exclude the network and broadcast
/// addresses, which no server may be given.
public struct IPv4Network: Sendable, Hashable, CustomStringConvertible {
    public let network: IPv4Address
    public let prefix: Int

    /// Pools between /16 (65 534 hosts) and /30 (2 hosts): a /31 or /32 has no host once network
    /// and broadcast are excluded, and anything wider than /16 is a typo more often than a pool.
    public static let prefixes = 16...30

    public init(parsing text: String, field: String = "cidr") throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(String(parts[0])),
            parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = Int(parts[1])
        else {
            throw CoreError.invalid(field, zh: "应为 IPv4 CIDR，如 10.20.0.0/24", en: "an IPv4 CIDR such as 10.20.0.0/24")
        }
        guard Self.prefixes.contains(prefix) else {
            throw CoreError.invalid(
                field, zh: "前缀长度应在 /16 到 /30 之间", en: "the prefix length is between /16 and /30")
        }
        let mask = Self.mask(prefix)
        guard address.value & ~mask == 0 else {
            let network = IPv4Address(address.value & mask)
            throw CoreError.invalid(
                field, zh: "主机位不为零，是否应为 \(network)/\(prefix)？",
                en: "host bits are set; did you mean \(network)/\(prefix)?")
        }
        self.network = address
        self.prefix = prefix
    }

    public init(network: IPv4Address, prefix: Int) {
        self.network = network
        self.prefix = prefix
    }

    static func mask(_ prefix: Int) -> UInt32 { prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix) }

    public var broadcast: IPv4Address { IPv4Address(network.value | ~Self.mask(prefix)) }
    public var firstHost: IPv4Address { IPv4Address(network.value + 1) }
    public var lastHost: IPv4Address { IPv4Address(broadcast.value - 1) }
    public var hostCount: Int { Int(broadcast.value - network.value) - 1 }

    public func overlaps(_ other: IPv4Network) -> Bool {
        network.value <= other.broadcast.value && other.network.value <= broadcast.value
    }

    public var description: String { "\(network)/\(prefix)" }
}
