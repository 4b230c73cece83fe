/// Escaping for text and attribute values in the markup we write: the badges' and slips' SVG and
/// the service's HTML pages. `&#39;` rather than `&apos;`, which HTML 4 readers do not know.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
