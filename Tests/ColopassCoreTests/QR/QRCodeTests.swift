import ColopassCore
import Foundation
import Testing

@Suite struct QRCodeTests {
    // The shape of a real credential: a prefix plus Base45 of ~90 signed bytes.
    static func credentialText() -> String {
        "CP1:" + Base45.encode(SecureRandom.bytes(90))
    }

    @Test func credentialFitsSmallVersion() throws {
        let code = try QRCode(encoding: Self.credentialText())
        #expect(code.version >= 1 && code.version <= 10)
        #expect(code.size == 17 + 4 * code.version + 2 * QRCode.quietZone)
    }

    @Test func quietZoneIsLight() throws {
        let code = try QRCode(encoding: Self.credentialText())
        let zone = QRCode.quietZone
        for y in 0..<code.size {
            for x in 0..<code.size
            where x < zone || y < zone || x >= code.size - zone || y >= code.size - zone {
                #expect(!code.isDark(x: x, y: y), "quiet zone module (\(x), \(y)) is dark")
            }
        }
        // The top-left finder pattern starts right after the quiet zone.
        #expect(code.isDark(x: zone, y: zone))
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: code.size, y: 0))
    }

    @Test func svgRunsReproduceModules() throws {
        let code = try QRCode(encoding: Self.credentialText())
        let grid = try Self.parseRuns(code.svgPathData(), size: code.size)
        for y in 0..<code.size {
            for x in 0..<code.size {
                #expect(grid[y * code.size + x] == code.isDark(x: x, y: y), "module (\(x), \(y))")
            }
        }
        let document = code.svgDocument(moduleSize: 10)
        #expect(document.hasPrefix("<?xml"))
        #expect(document.contains("viewBox=\"0 0 \(code.size) \(code.size)\""))
        #expect(document.contains("width=\"\(code.size * 10)\""))
        #expect(document.contains("shape-rendering=\"crispEdges\""))
        #expect(document.contains("d=\"\(code.svgPathData())\""))
    }

    @Test func pngHeader() throws {
        let code = try QRCode(encoding: Self.credentialText())
        let png = try code.pngData(scale: 3)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == code.size * 3 && height == code.size * 3)
        #expect(png[24] == 8 && png[25] == 0, "8-bit grayscale")
        #expect(throws: PNGEncodingFailure.self) { try code.pngData(scale: 0) }
    }

    @Test func pngDecodesWithZbar() throws {
        let text = Self.credentialText()
        let code = try QRCode(encoding: text)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("colopass-qr-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try code.writePNG(to: path)

        #expect(try Zbar.decode(path) == text)
    }

    @Test func failures() {
        #expect(throws: QREncodingFailure.self) { try QRCode(encoding: "") }
        #expect(throws: QREncodingFailure.self) { try QRCode(encoding: "A\u{0}B") }
        #expect(throws: QREncodingFailure.self) {
            try QRCode(encoding: String(repeating: "x", count: 5000))
        }
    }

    /// Reads back `M x y h n v1 h-n z` runs into a row-major module grid.
    static func parseRuns(_ path: String, size: Int) throws -> [Bool] {
        var grid = [Bool](repeating: false, count: size * size)
        let runs = path.split(separator: "M")
        for run in runs {
            let pieces = run.split(separator: "h")
            let origin = pieces[0].split(separator: " ")
            #expect(pieces.count == 3 && origin.count == 2, "unexpected run \(run)")
            let x = try #require(Int(origin[0]))
            let y = try #require(Int(origin[1]))
            let length = try #require(Int(pieces[1].dropLast(2)))  // "nv1"
            #expect(pieces[1].hasSuffix("v1") && pieces[2] == "-\(length)z")
            #expect(length > 0 && x + length <= size && y < size)
            for column in x..<(x + length) {
                #expect(!grid[y * size + column], "overlapping runs")
                grid[y * size + column] = true
            }
        }
        return grid
    }
}
