import Foundation

/// A printable badge: the CR80 card's two sides as SVG, and its QR as PNG and SVG.
public struct Badge: Sendable {
    public var cardNumber: String
    public var front: String
    public var back: String
    public var qrPNG: [UInt8]
    public var qrSVG: String

    /// Writes `front.svg`, `back.svg`, `qr.png` and `qr.svg` into `directory`.
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files: [(String, Data)] = [
            ("front.svg", Data(front.utf8)), ("back.svg", Data(back.utf8)), ("qr.png", Data(qrPNG)),
            ("qr.svg", Data(qrSVG.utf8)),
        ]
        return try files.map { name, data in
            let path = (directory as NSString).appendingPathComponent(name)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}
