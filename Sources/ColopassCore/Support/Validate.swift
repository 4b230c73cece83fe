import Foundation

/// Shape checks for free-text input. Each failure names the field; nothing is written before them.
enum Validate {
    static func name(_ text: String, field: String, max: Int = 100) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CoreError.invalid(field, zh: "不能为空", en: "must not be empty") }
        guard trimmed.count <= max else {
            throw CoreError.invalid(field, zh: "不能超过 \(max) 个字符", en: "at most \(max) characters")
        }
        guard !trimmed.unicodeScalars.contains(where: isControl) else {
            throw CoreError.invalid(field, zh: "含有控制字符", en: "contains control characters")
        }
        return trimmed
    }

    /// Unicode's control and format characters (Cc, Cf): what openapi.yaml's text pattern excludes.
    /// Not Foundation's `CharacterSet.controlCharacters`, whose table on Linux also holds most of
    /// plane 14, which Unicode leaves unassigned.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format: true
        default: false
        }
    }

    static func phone(_ text: String, field: String = "phone") throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.range(of: #"^\+?[0-9][0-9 \-]{4,19}$"#, options: .regularExpression) != nil else {
            throw CoreError.invalid(field, zh: "电话号码格式不正确", en: "not a phone number")
        }
        return trimmed
    }

    static func code(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard trimmed.range(of: #"^[A-Z0-9][A-Z0-9\-/]{0,39}$"#, options: .regularExpression) != nil else {
            throw CoreError.invalid(
                field, zh: "只能包含字母、数字、“-”和“/”", en: "letters, digits, '-' and '/' only (at most 40)")
        }
        return trimmed
    }

    static func day(_ text: String, field: String) throws -> Day {
        guard let day = Day(text) else {
            throw CoreError.invalid(field, zh: "日期应为 YYYY-MM-DD", en: "a date as YYYY-MM-DD")
        }
        return day
    }

    static func count(_ value: Int, field: String, atLeast minimum: Int) throws -> Int {
        guard value >= minimum else {
            throw CoreError.invalid(field, zh: "不能小于 \(minimum)", en: "must be at least \(minimum)")
        }
        return value
    }
}
