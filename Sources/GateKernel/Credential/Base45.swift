/// RFC 9285 Base45: the densest text encoding that stays inside QR alphanumeric mode.
public enum Base45 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    // ASCII → digit value, 0xFF for characters outside the alphabet.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 128)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 1) / 2 * 3)
        var index = 0
        while index + 1 < bytes.count {
            var n = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            for _ in 0..<3 {
                out.append(alphabet[n % 45])
                n /= 45
            }
            index += 2
        }
        if index < bytes.count {
            let n = Int(bytes[index])
            out.append(alphabet[n % 45])
            out.append(alphabet[n / 45])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) throws(Base45DecodingError) -> [UInt8] {
        try decode(utf8: Array(text.utf8)[...])
    }

    /// Decodes text given as its UTF-8 bytes: the door decodes a scan's bytes without making a
    /// `String` of them first.
    static func decode(utf8 text: ArraySlice<UInt8>) throws(Base45DecodingError) -> [UInt8] {
        var digits = [Int]()
        digits.reserveCapacity(text.count)
        for (offset, char) in text.enumerated() {
            guard char < 128, values[Int(char)] != 0xFF else {
                throw Base45DecodingError(reason: .invalidCharacter, offset: offset)
            }
            digits.append(Int(values[Int(char)]))
        }
        if digits.count % 3 == 1 {
            throw Base45DecodingError(reason: .danglingCharacter, offset: digits.count - 1)
        }
        var out = [UInt8]()
        out.reserveCapacity(digits.count / 3 * 2 + 1)
        var index = 0
        while index + 2 < digits.count {
            let n = digits[index] + digits[index + 1] * 45 + digits[index + 2] * 45 * 45
            guard n <= 0xFFFF else { throw Base45DecodingError(reason: .valueTooLarge, offset: index) }
            out.append(UInt8(n >> 8))
            out.append(UInt8(n & 0xFF))
            index += 3
        }
        if index < digits.count {
            let n = digits[index] + digits[index + 1] * 45
            guard n <= 0xFF else { throw Base45DecodingError(reason: .valueTooLarge, offset: index) }
            out.append(UInt8(n))
        }
        return out
    }
}

public struct Base45DecodingError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not one of the 45 alphabet characters (lowercase letters included).
        case invalidCharacter
        /// The length leaves a single character over, which cannot carry a byte.
        case danglingCharacter
        /// A triplet above 65535 or a final pair above 255.
        case valueTooLarge
    }

    public let reason: Reason
    /// UTF-8 offset of the offending character or group.
    public let offset: Int

    public var description: String { "invalid Base45 (\(reason)) at offset \(offset)" }
}
