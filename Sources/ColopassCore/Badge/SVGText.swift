/// Text helpers for the SVGs we draw: escaping and line wrapping by display width.
enum SVGText {
    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// Wide (CJK) characters count two half-width columns.
    static func columns(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 1 }
        return scalar.value >= 0x2E80 ? 2 : 1
    }

    /// Breaks text into lines of at most `width` half-width columns: at spaces for Latin text,
    /// anywhere between CJK characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        var lastSpace: String.Index?
        for character in text {
            let w = columns(character)
            if used + w > width, !line.isEmpty {
                if character != " ", let space = lastSpace, columns(line[line.index(before: line.endIndex)]) == 1 {
                    let head = String(line[..<space])
                    let tail = String(line[line.index(after: space)...])
                    lines.append(head)
                    line = tail
                    used = tail.reduce(0) { $0 + columns($1) }
                } else {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                lastSpace = nil
                if character == " " { continue }
            }
            if character == " " { lastSpace = line.endIndex }
            line.append(character)
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
