import Foundation

/// A unified social credit code (GB 32100-2015), the identifier on a Chinese business licence:
/// registration authority, organisation type, six region digits, nine organisation-code
/// characters and a check character.
public struct UnifiedSocialCreditCode: Sendable, Hashable {
    /// The 18 characters, upper-cased.
    public let value: String

    public init(_ text: String) throws(CoreError) {
        let chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
        guard chars.count == 18 else {
            throw Self.invalid(
                zh: "统一社会信用代码应为18位，实际为\(chars.count)位",
                en: "a unified social credit code has 18 characters, got \(chars.count)")
        }
        let values = chars.compactMap { Self.alphabet.firstIndex(of: $0) }
        guard values.count == 18 else {
            // Naming the offending character helps most when it is one of I O Z S V, which the
            // standard leaves out because they read like 1 0 2 5 U.
            let bad = chars.first { !Self.alphabet.contains($0) }.map(String.init) ?? ""
            throw Self.invalid(
                zh: "含有不允许的字符“\(bad)”（只用数字和除I、O、Z、S、V以外的大写字母）",
                en: "contains \"\(bad)\"; only digits and capital letters other than "
                    + "I, O, Z, S, V are used")
        }
        guard values[2..<8].allSatisfy({ $0 < 10 }) else {
            throw Self.invalid(
                zh: "第3至8位是行政区划代码，必须是数字",
                en: "characters 3–8 are the region code and must be digits")
        }
        guard values[17] == Self.checkValue(values.prefix(17)) else {
            throw Self.invalid(
                zh: "校验码不符，代码可能有录入错误",
                en: "the check character does not match; the code was probably mistyped")
        }
        value = String(chars)
    }

    /// The check character for the first 17 characters (nil when one is outside the standard's
    /// alphabet): for tools that make valid codes, such as the benchmarks' bulk data.
    public static func checkCharacter(for body: String) -> Character? {
        let values = body.compactMap { alphabet.firstIndex(of: $0) }
        guard body.count == 17, values.count == 17 else { return nil }
        return alphabet[checkValue(values[...])]
    }

    private static func checkValue(_ body: ArraySlice<Int>) -> Int {
        (31 - zip(body, weights).reduce(0) { $0 + $1.0 * $1.1 } % 31) % 31
    }

    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    private static func invalid(zh: String, en: String) -> CoreError {
        .invalid("credit_code", zh: zh, en: en)
    }
}
