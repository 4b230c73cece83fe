import CPNG
import Foundation

extension QRCode {
    // Keeps the bitmap (width² bytes) within reason whatever scale a caller passes.
    static let maximumPNGWidth = 16_384

    /// An 8-bit grayscale PNG, black modules on white, quiet zone included;
    /// each module is `scale`×`scale` pixels.
    public func pngData(scale: Int = 8) throws(PNGEncodingFailure) -> [UInt8] {
        guard scale >= 1, scale <= Self.maximumPNGWidth / size else {
            throw PNGEncodingFailure(reason: "scale \(scale) out of range for a \(size)-module code")
        }
        let width = size * scale
        var pixels = [UInt8](repeating: 0xFF, count: width * width)
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) {
                for row in (y * scale)..<((y + 1) * scale) {
                    let start = row * width + x * scale
                    for index in start..<(start + scale) { pixels[index] = 0 }
                }
            }
        }
        return try GrayscalePNG.encode(pixels, width: width, height: width)
    }

    public func writePNG(to path: String, scale: Int = 8) throws {
        let png = try pngData(scale: scale)
        try Data(png).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

public struct PNGEncodingFailure: Error, Equatable, CustomStringConvertible {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { "PNG encoding failed: \(reason)" }
}
