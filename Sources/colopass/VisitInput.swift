import ColopassCore
import Foundation

/// Reading visitors and times off the command line, and writing pass slips.
enum VisitInput {
    /// `NAME:NUMBER` (a resident ID) or `NAME:TYPE:NUMBER`. Split from the right, so a name may
    /// itself hold a colon; the core checks the name and the document.
    static func visitor(_ text: String, field: String) throws -> NewVisitor {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else {
            throw CoreError.invalid(
                field, zh: "格式为 姓名:证件号 或 姓名:证件类型:证件号", en: "write NAME:NUMBER or NAME:TYPE:NUMBER")
        }
        let number = parts[parts.count - 1]
        if parts.count >= 3, IDDocumentType(rawValue: parts[parts.count - 2].lowercased()) != nil {
            return NewVisitor(
                name: parts.dropLast(2).joined(separator: ":"), idType: parts[parts.count - 2], idNumber: number)
        }
        return NewVisitor(name: parts.dropLast().joined(separator: ":"), idNumber: number)
    }

    static func time(_ text: String, field: String, _ core: Core) throws -> Date {
        try EntryWindow.parse(text, field: field, in: core.policy.site.timeZone)
    }

    static func day(_ text: String, field: String) throws -> Day {
        guard let day = Day(text) else {
            throw CoreError.invalid(field, zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD")
        }
        return day
    }

    /// Each slip into `<folder>/<pass-number>/`; returns the files written.
    static func write(_ slips: [RenderedSlip], under folder: String?) throws -> [String] {
        try slips.flatMap { try $0.write(to: "\(folder ?? "badges")/\($0.number)") }
    }

    static func window<Kind: PassKind>(_ pass: PassView<Kind>, _ core: Core) -> String {
        EntryWindow.describe(from: pass.pass.validFrom, to: pass.pass.validUntil, in: core.policy.site.timeZone)
    }
}

/// What `visit pass` and `emergency approve --json` print: the files written per pass.
struct PrintedSlips: Encodable {
    var passes: [String]
    var files: [String]
}
