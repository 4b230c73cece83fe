import Foundation

/// Draws the CR80 access-card badge (85.6 × 54 mm). The SVG's user unit is 0.1 mm.
struct BadgeRenderer {
    struct Holder {
        var name: String
        var company: String
        var photo: (bytes: [UInt8], mediaType: String)?
    }

    let policy: Policy
    static let width = 856
    static let height = 540
    static let font = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif"

    func front(card: Card, holder: Holder, qr: QRCode) -> String {
        let zone = policy.site.timeZone
        let validUntil = Day(card.validUntil.addingTimeInterval(-1), in: zone)
        let qrSide = 250.0
        let scale = qrSide / Double(qr.size)
        var svg = header()
        svg += rect(0, 0, Self.width, 96, fill: "#123c69")
        svg += text(policy.site.name.zh, x: 30, y: 44, size: 30, weight: "700", fill: "#ffffff")
        svg += text(policy.site.name.en, x: 30, y: 80, size: 20, fill: "#dbe7f3")
        svg += text("机房出入证", x: 826, y: 44, size: 28, weight: "700", fill: "#ffffff", anchor: "end")
        svg += text("ACCESS CARD", x: 826, y: 80, size: 20, fill: "#dbe7f3", anchor: "end")
        svg += photo(holder.photo, x: 30, y: 120, width: 180, height: 240)
        svg += text(holder.name, x: 235, y: 170, size: 44, weight: "700")
        svg += text(holder.company, x: 235, y: 215, size: 22)
        svg += text("证号 / No.", x: 235, y: 262, size: 16, fill: "#555555")
        svg += text(card.number, x: 235, y: 292, size: 26, weight: "700", family: "monospace")
        svg += text("有效期至 / Valid until", x: 235, y: 330, size: 16, fill: "#555555")
        svg += text(validUntil.description, x: 235, y: 358, size: 24, weight: "700")
        if card.generation > 1 {
            svg += text("补办 第\(card.generation)版 / reissue #\(card.generation)", x: 235, y: 390, size: 16, fill: "#555555")
        }
        svg += "<g transform=\"translate(576,124) scale(\(format(scale)))\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(qr.size)\" height=\"\(qr.size)\" fill=\"#ffffff\"/>"
        svg += "<path d=\"\(qr.svgPathData())\" fill=\"#000000\" shape-rendering=\"crispEdges\"/></g>\n"
        svg += rect(0, 470, Self.width, 70, fill: "#f1f4f8")
        svg += text("仅限本人使用，不得转借 · Personal — never to be lent", x: 428, y: 514, size: 20, anchor: "middle")
        return svg + footer()
    }

    func back(card: Card) -> String {
        var svg = header()
        svg += text("机房守则 / Machine-room rules", x: 30, y: 46, size: 24, weight: "700")
        var y = 74
        let lines = [ClauseID.E1, .E2, .E3, .E4].map { policy.clause($0) }.flatMap { clause in
            [("\(clause.id) \(clause.text.zh)", 18), (clause.text.en, 15)]
        }
        for (line, size) in lines {
            for part in SVGText.wrap(line, width: size == 18 ? 84 : 104) {
                svg += text(part, x: 30, y: y, size: size, fill: size == 18 ? "#111111" : "#444444")
                y += size + 7
            }
        }
        y += 8
        svg += rect(0, y - 4, Self.width, Self.height - y + 4, fill: "#f1f4f8")
        y += 22
        let lost = policy.clause(.C4).text
        let replace = policy.clause(.C8).text
        for (line, size, weight) in [
            ("本证仅限持证人本人使用，不得转借 · Personal: only the holder may use it, never lend it", 17, "700"),
            ("遗失：\(lost.zh)\(replace.zh)", 16, "400"), ("If lost: \(lost.en) \(replace.en)", 14, "400"),
            ("证号 / Card No. \(card.number)", 17, "700"),
        ] {
            for part in SVGText.wrap(line, width: size >= 16 ? 88 : 110) {
                svg += text(part, x: 30, y: y, size: size, weight: weight)
                y += size + 6
            }
        }
        return svg + footer()
    }

    /// Closes the clipped group and draws the card's outline over everything.
    private func footer() -> String {
        "</g>\n<rect x=\"1\" y=\"1\" width=\"\(Self.width - 2)\" height=\"\(Self.height - 2)\" rx=\"30\" "
            + "fill=\"none\" stroke=\"#c8d0da\" stroke-width=\"2\"/>\n</svg>\n"
    }

    private func header() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="85.6mm" height="54mm" viewBox="0 0 \(Self.width) \(Self.height)">
        <defs><clipPath id="card"><rect x="0" y="0" width="\(Self.width)" height="\(Self.height)" rx="30"/></clipPath></defs>
        <rect x="0" y="0" width="\(Self.width)" height="\(Self.height)" rx="30" fill="#ffffff"/>
        <g clip-path="url(#card)">

        """
    }

    private func rect(_ x: Int, _ y: Int, _ width: Int, _ height: Int, fill: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\"/>\n"
    }

    private func text(
        _ content: String, x: Int, y: Int, size: Int, weight: String = "400", fill: String = "#111111",
        anchor: String = "start", family: String = BadgeRenderer.font
    ) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-family=\"\(family)\" font-size=\"\(size)\" font-weight=\"\(weight)\" "
            + "fill=\"\(fill)\" text-anchor=\"\(anchor)\">\(SVGText.escape(content))</text>\n"
    }

    private func photo(_ photo: (bytes: [UInt8], mediaType: String)?, x: Int, y: Int, width: Int, height: Int) -> String {
        guard let photo else {
            return rect(x, y, width, height, fill: "#dddddd")
                + text("无照片 / no photo", x: x + width / 2, y: y + height / 2, size: 16, anchor: "middle")
        }
        let uri = "data:\(photo.mediaType);base64,\(Data(photo.bytes).base64EncodedString())"
        return "<image x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" "
            + "preserveAspectRatio=\"xMidYMid slice\" href=\"\(uri)\"/>\n"
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
