import ColopassCore
import Foundation
import Mustache
import Testing

@testable import ColopassServer

/// The pages escape with their own content type and print text through `TemplateText`, both for
/// speed; these tests hold them to what Mustache itself does.
@Suite struct PageEscapingTests {
    static let samples = [
        "", "plain", "证号 C-0001", "<script>alert('x')</script>", "Tom & Jerry \"quoted\"", "a<b>c&d'e\"f",
        "&amp; already", "<<>>&&''\"\"", "混合<中文>&'English'", "emoji 🛂 <b>", "\u{0}nul<", "tail&",
    ]

    /// The built-in HTML content type: a template without a pragma.
    static func mustacheEscaped(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{x}}").render(["x": text])
    }

    @Test func escapingMatchesMustacheForPlainAndHostileText() throws {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ab<>&'\"中文 \n\t=/")
        var texts = Self.samples
        for _ in 0..<500 {
            texts.append(String((0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        for text in texts {
            #expect(Markup.escape(text) == (try Self.mustacheEscaped(text)), "\(text)")
        }
    }

    /// A quote followed by a combining mark is one `Character`; Mustache's walk by character lets it
    /// through unescaped, the byte-wise one does not.
    @Test func aQuoteWithACombiningMarkIsStillEscaped() {
        #expect(Markup.escape("x=\"\u{301} onmouseover=alert(1)") == "x=&quot;\u{301} onmouseover=alert(1)")
        #expect(Markup.escape("<\u{338}") == "&lt;\u{338}")
    }

    /// Each page template selects the pages' escaping, and a value reaches the page escaped.
    @Test func everyPageEscapesWithThePagesContentType() throws {
        var library = MustacheLibrary()
        PageHTML.register()
        try library.register(PageHTML.pragma + "<p title=\"{{x}}\">{{x}}</p>{{{raw}}}", named: "probe")
        let hostile = "\"<img src=x onerror=alert(1)>\u{301}'"
        let model = TemplateValues.prepared(["x": hostile, "raw": "<svg/>"] as [String: Any])!
        let html = library.render(model, withTemplate: "probe")
        #expect(html == "<p title=\"\(Markup.escape(hostile))\">\(Markup.escape(hostile))</p><svg/>")
        #expect(!html!.contains("<img"))
    }

    /// Text and numbers print exactly as Mustache prints them bare, and sections over them behave
    /// the same (shown when present, inverted sections hidden).
    @Test func templateTextPrintsAsTheBareValueDoes() throws {
        let template = try MustacheTemplate(string: "[{{s}}|{{i}}|{{d}}|{{#s}}<{{.}}>{{/s}}{{^s}}none{{/s}}|{{#e}}e{{/e}}{{^e}}!e{{/e}}]")
        let bare: [String: Any] = ["s": "a&b", "i": 42, "d": 2.5, "e": ""]
        #expect(template.render(TemplateValues.prepared(bare)!) == template.render(bare))
        #expect(template.render(TemplateValues.prepared(bare)!) == "[a&amp;b|42|2.5|<a&amp;b>|e]")
    }

    struct Row { var number: String; var holder: String?; var count: Int; var shown: Bool }

    /// A struct's nil field is missing, so the name is looked up in the enclosing context, as
    /// Mustache's `Mirror` look-up did.
    @Test func aNilFieldFallsBackToTheEnclosingContext() throws {
        let template = try MustacheTemplate(string: "{{#rows}}{{number}}:{{holder}}:{{count}}:{{#shown}}y{{/shown}};{{/rows}}")
        let rows = [Row(number: "C1", holder: "王<伟>", count: 1, shown: true), Row(number: "C2", holder: nil, count: 0, shown: false)]
        let model = TemplateValues.prepared(["rows": rows, "holder": "outer"] as [String: Any])!
        #expect(template.render(model) == "C1:王&lt;伟&gt;:1:y;C2:outer:0:;")
    }

    struct Plain { var name: String; var note: String?; var count: Int; var on: Bool; var tags: [String]; var by: [String: String]; var inner: Inner }
    struct Encoded: TemplateModel { var name: String; var note: String?; var count: Int; var on: Bool; var tags: [String]; var by: [String: String]; var inner: Inner }
    struct Inner: TemplateModel { var label: String; var flag: Bool }

    /// A `TemplateModel` reads in a template exactly as the same struct read through `Mirror`.
    @Test func aTemplateModelRendersAsItsMirroredTwin() throws {
        let template = try MustacheTemplate(string: """
            {{#rows}}{{name}}|{{note}}|{{count}}|{{#on}}on{{/on}}{{^on}}off{{/on}}|{{#tags}}<{{.}}>{{/tags}}|{{by.a}}|{{#inner}}{{label}}{{#flag}}!{{/flag}}{{/inner}};{{/rows}}
            """)
        let inner = Inner(label: "门<禁>", flag: true)
        let plain = [
            Plain(name: "A&B", note: nil, count: 3, on: true, tags: ["x", "y"], by: ["a": "/web?a=1&b=2"], inner: inner),
            Plain(name: "C", note: "n", count: 0, on: false, tags: [], by: [:], inner: Inner(label: "", flag: false)),
        ]
        let encoded = plain.map { Encoded(name: $0.name, note: $0.note, count: $0.count, on: $0.on, tags: $0.tags, by: $0.by, inner: $0.inner) }
        let fromMirror = template.render(TemplateValues.prepared(["rows": plain, "note": "outer"] as [String: Any])!)
        let fromEncoder = template.render(TemplateValues.prepared(["rows": encoded, "note": "outer"] as [String: Any])!)
        #expect(fromEncoder == fromMirror)
        #expect(fromEncoder == "A&amp;B|outer|3|on|<x><y>|/web?a=1&amp;b=2|门&lt;禁&gt;!;C|n|0|off|||;")
    }

    /// A model with its own `encode(to:)` that opens nested containers reads as the nesting says.
    struct Nested: TemplateModel {
        enum Keys: String, CodingKey { case name, inner, list, label }
        func encode(to encoder: any Encoder) throws {
            var top = encoder.container(keyedBy: Keys.self)
            try top.encode("top", forKey: .name)
            var inner = top.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode("in", forKey: .label)
            var list = top.nestedUnkeyedContainer(forKey: .list)
            try list.encode("a")
            var element = list.nestedContainer(keyedBy: Keys.self)
            try element.encode("b", forKey: .label)
        }
    }

    @Test func nestedContainersReadAsTheirNesting() throws {
        let template = try MustacheTemplate(string: "{{name}}|{{inner.label}}|{{#list}}[{{label}}{{^label}}{{.}}{{/label}}]{{/list}}")
        #expect(template.render(TemplateValues.prepared(Nested())!) == "top|in|[a][b]")
    }
}
