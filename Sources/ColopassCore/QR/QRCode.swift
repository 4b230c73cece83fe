import CQREncode

/// A QR symbol at error-correction level M, with its quiet zone included in the grid so every
/// renderer draws the same picture without having to remember the margin.
public struct QRCode: Sendable, Equatable {
    /// ISO/IEC 18004 requires four light modules around the symbol for reliable scanning.
    public static let quietZone = 4

    /// Modules per side, quiet zone included.
    public let size: Int
    /// QR version 1…40 as chosen by libqrencode for the payload.
    public let version: Int
    // Row-major, `size * size` entries, true = dark.
    private let modules: [Bool]

    /// Encodes `text` (UTF-8 bytes; uppercase Base45 lands in the denser alphanumeric mode).
    public init(encoding text: String) throws(QREncodingFailure) {
        guard !text.isEmpty else { throw QREncodingFailure(reason: "empty text") }
        // The C API takes a NUL-terminated string and would silently cut the payload short.
        guard !text.utf8.contains(0) else { throw QREncodingFailure(reason: "text contains NUL") }
        var errorNumber: Int32 = 0
        guard let code = colopass_qrencode_string_m(text, &errorNumber) else {
            throw QREncodingFailure(errno: errorNumber)
        }
        defer { QRcode_free(code) }
        let symbolWidth = Int(code.pointee.width)
        let size = symbolWidth + 2 * Self.quietZone
        var modules = [Bool](repeating: false, count: size * size)
        for y in 0..<symbolWidth {
            for x in 0..<symbolWidth {
                // Bit 0 is the module colour; the other bits describe its role in the symbol.
                let dark = code.pointee.data[y * symbolWidth + x] & 1 == 1
                modules[(y + Self.quietZone) * size + x + Self.quietZone] = dark
            }
        }
        self.size = size
        self.version = Int(code.pointee.version)
        self.modules = modules
    }

    /// Coordinates count from the top-left of the quiet zone; anything outside the grid is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}

public struct QREncodingFailure: Error, Equatable, CustomStringConvertible {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    init(errno code: Int32) {
        switch code {
        case ERANGE: reason = "text too long for a QR code"
        case EINVAL: reason = "text not encodable"
        case ENOMEM: reason = "out of memory"
        default: reason = "libqrencode error \(code)"
        }
    }

    public var description: String { "QR encoding failed: \(reason)" }
}
