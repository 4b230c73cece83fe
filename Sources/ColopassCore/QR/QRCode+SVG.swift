extension QRCode {
    /// Path data in module units (one unit per module, quiet zone included, origin at its
    /// top-left corner), for embedding into another SVG under a scaling `<g transform>`.
    /// Each horizontal run of dark modules is one closed rectangle: `M x y h n v1 h-n z`.
    public func svgPathData() -> String {
        var parts = [String]()
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) { x += 1 }
                let run = x - start
                parts.append("M\(start) \(y)h\(run)v1h-\(run)z")
            }
        }
        return parts.joined()
    }

    /// A standalone SVG: white background, dark modules as one path; crispEdges keeps
    /// anti-aliasing from greying the seams between adjacent runs.
    public func svgDocument(moduleSize: Int = 8) -> String {
        let pixels = size * max(moduleSize, 1)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(size) \(size)" shape-rendering="crispEdges">
            <rect width="\(size)" height="\(size)" fill="#ffffff"/>
            <path fill="#000000" d="\(svgPathData())"/>
            </svg>

            """
    }
}
