import Foundation

/// A printable A6 slip with a QR: temporary passes, emergency passes and exit slips (出门条).
/// Each kind fills in its own title, fields and notes; the drawing is shared.
public struct Slip: Sendable {
    public struct Field: Sendable {
        public var label: Bilingual
        public var value: String

        public init(_ label: Bilingual, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var title: Bilingual
    /// The slip's own number, printed large and used as the output folder name.
    public var number: String
    public var fields: [Field]
    /// Lines under the fields: escort required, single use, what the guard checks…
    public var notes: [Bilingual]
    /// The signed credential text the QR carries.
    public var credential: String

    public init(title: Bilingual, number: String, fields: [Field], notes: [Bilingual], credential: String) {
        self.title = title
        self.number = number
        self.fields = fields
        self.notes = notes
        self.credential = credential
    }

    public func render(site: Policy.Site) throws -> RenderedSlip {
        let qr = try QRCode(encoding: credential)
        return RenderedSlip(
            number: number, svg: SlipRenderer(site: site).svg(self, qr: qr), qrPNG: try qr.pngData(scale: 8),
            qrSVG: qr.svgDocument(moduleSize: 8))
    }
}

public struct RenderedSlip: Sendable {
    public var number: String
    public var svg: String
    public var qrPNG: [UInt8]
    public var qrSVG: String

    /// Writes `slip.svg`, `qr.png` and `qr.svg` into `directory`.
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try [("slip.svg", Data(svg.utf8)), ("qr.png", Data(qrPNG)), ("qr.svg", Data(qrSVG.utf8))].map {
            let path = (directory as NSString).appendingPathComponent($0.0)
            try $0.1.write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}

/// Draws an A6 portrait slip (105 × 148 mm); the user unit is 0.1 mm.
struct SlipRenderer {
    let site: Policy.Site
    static let width = 1050
    static let height = 1480

    func svg(_ slip: Slip, qr: QRCode) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="105mm" height="148mm" viewBox="0 0 \(Self.width) \(Self.height)">
            <rect x="0" y="0" width="\(Self.width)" height="\(Self.height)" fill="#ffffff"/>
            <rect x="0" y="0" width="\(Self.width)" height="150" fill="#123c69"/>

            """
        out += text(site.name.zh, x: 50, y: 70, size: 36, weight: "700", fill: "#ffffff")
        out += text(site.name.en, x: 50, y: 120, size: 26, fill: "#dbe7f3")
        out += text(slip.title.zh, x: 50, y: 230, size: 56, weight: "700")
        out += text(slip.title.en, x: 50, y: 285, size: 32, fill: "#444444")
        out += text(slip.number, x: 50, y: 345, size: 36, weight: "700", family: "monospace")
        let qrSide = 420.0
        let scale = qrSide / Double(qr.size)
        out += "<g transform=\"translate(\(Self.width - 470),175) scale(\(String(format: "%.4f", scale)))\">"
        out += "<path d=\"\(qr.svgPathData())\" fill=\"#000000\" shape-rendering=\"crispEdges\"/></g>\n"
        var y = 650
        for field in slip.fields {
            out += text("\(field.label.zh) / \(field.label.en)", x: 50, y: y, size: 24, fill: "#555555")
            y += 40
            for line in SVGText.wrap(field.value, width: 58) {
                out += text(line, x: 50, y: y, size: 32, weight: "700")
                y += 42
            }
            y += 14
        }
        y += 10
        for note in slip.notes {
            for line in SVGText.wrap("• \(note.zh)", width: 64) + SVGText.wrap("  \(note.en)", width: 80) {
                out += text(line, x: 50, y: y, size: 26)
                y += 36
            }
            y += 8
        }
        return out + "</svg>\n"
    }

    private func text(
        _ content: String, x: Int, y: Int, size: Int, weight: String = "400", fill: String = "#111111",
        family: String = BadgeRenderer.font
    ) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-family=\"\(family)\" font-size=\"\(size)\" font-weight=\"\(weight)\" "
            + "fill=\"\(fill)\">\(SVGText.escape(content))</text>\n"
    }
}
