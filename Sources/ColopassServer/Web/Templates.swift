import ColopassCore
import Foundation
import Mustache

/// The pages' templates (`Resources/templates`, see its README): read once, one library per
/// language. Static text is written `[[中文|English]]` and settled when the files are loaded, so
/// a page's words cost nothing per request; every value a page shows goes through Mustache's
/// `{{…}}`, which escapes it. Triple braces are kept for our own renderer's SVG.
enum Templates {
    static let zh = load(.zh)
    static let en = load(.en)

    static func library(_ language: Page.Language) -> MustacheLibrary { language == .en ? en : zh }

    static var directory: URL {
        guard let url = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            fatalError("the templates are missing from the server's resources")
        }
        return url
    }

    /// A template that does not parse is a programming error, caught by the first test that renders.
    static func load(_ language: Page.Language) -> MustacheLibrary {
        PageHTML.register()
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
                fatalError("cannot read template \(file)")
            }
            do {
                try library.register(PageHTML.pragma + localize(text, language), named: String(file.dropLast(".mustache".count)))
            } catch {
                fatalError("template \(file) does not parse: \(error)")
            }
        }
        return library
    }

    /// `[[中文|English]]` → the language's half, HTML-escaped (it is text, like any other).
    static func localize(_ text: String, _ language: Page.Language) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "[[") {
            out += rest[..<open.lowerBound]
            guard let close = rest.range(of: "]]", range: open.upperBound..<rest.endIndex) else {
                rest = rest[open.lowerBound...]
                break
            }
            let pair = rest[open.upperBound..<close.lowerBound]
            let halves = pair.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let chosen = language == .en && halves.count == 2 ? halves[1] : halves[0]
            out += Markup.escape(String(chosen))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// HTML escaping for the pages: `Markup.escape`, which works on bytes and returns text with
/// nothing to escape as it is. Mustache's own escapes a `Character` at a time through a dictionary,
/// a tenth of the card list's time. Every template starts with the pragma that selects it.
struct PageHTML: MustacheContentType {
    static let name = "COLOPASS_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"
    func escapeText(_ text: String) -> String { Markup.escape(text) }

    /// Makes the pragma's name known to the parser; before any template is read.
    static func register() { MustacheContentTypes.register(PageHTML(), named: name) }
}
