import Foundation

/// A PRC resident identity card number (GB 11643-1999): six region digits, an eight-digit birth
/// date, a three-digit sequence and a check character.
///
/// Error reasons never quote the number itself: they end up in logs and the audit trail, and an
/// ID number is personal data.
public struct ResidentIDNumber: Sendable, Hashable {
    /// The 18 characters, with a lowercase check `x` normalised to `X`.
    public let value: String

    /// - Parameter today: the day birth dates may not lie after; injected so tests and replays
    ///   do not depend on the clock. Read as a Beijing-time date, because that is the calendar the
    ///   birth date on the card is written in.
    public init(_ text: String, today: Date = Date()) throws(CoreError) {
        let chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
        guard chars.count == 18 else {
            throw Self.invalid(
                zh: "居民身份证号码应为18位，实际为\(chars.count)位",
                en: "a resident ID number has 18 characters, got \(chars.count)")
        }
        let body = chars.prefix(17).compactMap(Self.digit)
        guard body.count == 17, Self.digit(chars[17]) != nil || chars[17] == "X" else {
            throw Self.invalid(
                zh: "前17位必须是数字，最后一位是数字或X",
                en: "the first 17 characters must be digits and the last a digit or X")
        }

        let province = body[0] * 10 + body[1]
        guard Self.provinceCodes.contains(province) else {
            let code = String(chars[0...1])
            throw Self.invalid(
                zh: "前两位“\(code)”不是有效的省级行政区划代码",
                en: "the first two digits \"\(code)\" are not a valid province code")
        }

        let birth = (
            year: Self.number(body[6..<10]), month: Self.number(body[10..<12]),
            day: Self.number(body[12..<14])
        )
        guard birth.year >= 1900, (1...12).contains(birth.month),
            (1...Self.daysIn(month: birth.month, year: birth.year)).contains(birth.day)
        else {
            throw Self.invalid(
                zh: "出生日期（第7至14位）不是1900年以后的有效日期",
                en: "the birth date (characters 7–14) is not a real date in or after 1900")
        }
        let now = Self.beijingCalendar.dateComponents([.year, .month, .day], from: today)
        guard (birth.year, birth.month, birth.day) <= (now.year!, now.month!, now.day!) else {
            throw Self.invalid(
                zh: "出生日期（第7至14位）晚于今天",
                en: "the birth date (characters 7–14) is in the future")
        }

        guard Self.checkCharacter(body) == chars[17] else {
            // The expected character is withheld: "fixing" the check digit would hide the typo.
            throw Self.invalid(
                zh: "校验码不符，号码可能有录入错误",
                en: "the check character does not match; the number was probably mistyped")
        }
        value = String(chars)
    }

    /// Year, month and day from characters 7–14, in the Gregorian calendar, Beijing time.
    public var birthDate: DateComponents {
        let digits = value.dropFirst(6).prefix(8).compactMap(Self.digit)
        return DateComponents(
            calendar: Self.beijingCalendar, timeZone: Self.beijingCalendar.timeZone,
            year: Self.number(digits[0..<4]), month: Self.number(digits[4..<6]),
            day: Self.number(digits[6..<8]))
    }

    /// The check character for the first 17 digits (nil unless they are 17 ASCII digits): for
    /// tools that make valid numbers, such as the benchmarks' bulk data.
    public static func checkCharacter(for body: String) -> Character? {
        let digits = body.compactMap(digit)
        guard body.count == 17, digits.count == 17 else { return nil }
        return checkCharacter(digits)
    }

    private static func checkCharacter(_ body: [Int]) -> Character {
        checkCharacters[zip(body, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432")

    /// Provinces, autonomous regions and municipalities, plus 71 Taiwan, 81 Hong Kong, 82 Macao,
    /// 83 Taiwan residents' permits and 91 overseas Chinese, which also carry 18-digit numbers.
    private static let provinceCodes: Set<Int> = Set(
        [11...15, 21...23, 31...37, 41...46, 50...54, 61...65].joined()
    ).union([71, 81, 82, 83, 91])

    private static let beijingCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone =
            TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()

    /// ASCII digits only: `Character.wholeNumberValue` would also accept full-width and other
    /// scripts' digits, which no card carries.
    private static func digit(_ c: Character) -> Int? {
        guard let ascii = c.asciiValue, (48...57).contains(ascii) else { return nil }
        return Int(ascii - 48)
    }

    private static func number<S: Sequence<Int>>(_ digits: S) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func invalid(zh: String, en: String) -> CoreError {
        .invalid("id_number", zh: zh, en: en)
    }
}
