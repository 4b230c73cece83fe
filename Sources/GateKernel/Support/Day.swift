import Foundation
import Synchronization

/// A calendar day at the site (contract terms, removal dates). Stored and shown as `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ text: String) {
        var text = text
        guard let day = text.withUTF8(Self.init(utf8:)) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` in ASCII digits and nothing else, read byte by byte: a gate's first snapshot
    /// reads two days for every card on each side, and splitting the text into substrings and
    /// counting their characters cost more than the rest of a card's row.
    public init?(utf8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = b[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Gregorian month lengths, leap years included.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The site-local day that `date` falls on.
    public init(_ date: Date, in zone: TimeZone) {
        let c = Self.calendar(zone).dateComponents([.year, .month, .day], from: date)
        year = c.year!
        month = c.month!
        day = c.day!
    }

    /// Gregorian calendars by time zone: building one costs more than the question asked of it,
    /// and the door asks on every scan.
    private static let calendars = Mutex<[String: Calendar]>([:])

    static func calendar(_ zone: TimeZone) -> Calendar {
        calendars.withLock { cache in
            if let calendar = cache[zone.identifier] { return calendar }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            cache[zone.identifier] = calendar
            return calendar
        }
    }

    /// `YYYY-MM-DD`, written digit by digit (the year is 1...9999): `String(format:)` goes
    /// through Foundation's format parser, and a gate's snapshot writes two days for every card.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same `YYYY-MM-DD`, appended to `out` without a string in between (a page in lines).
    public func appendText(to out: inout [UInt8]) {
        func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
        let dash = UInt8(ascii: "-")
        out.append(digit(year / 1000))
        out.append(digit(year / 100))
        out.append(digit(year / 10))
        out.append(digit(year))
        out.append(dash)
        out.append(digit(month / 10))
        out.append(digit(month))
        out.append(dash)
        out.append(digit(day / 10))
        out.append(digit(day))
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The first instant of this day in `zone`.
    public func start(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The first instant of the following day in `zone`: a term "until 2027-06-30" ends here.
    public func end(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(byAdding: .day, value: 1, to: start(in: zone))!
    }

    public func adding(days: Int) -> Day {
        let zone = TimeZone(identifier: "UTC")!
        return Day(start(in: zone).addingTimeInterval(TimeInterval(days) * 86_400), in: zone)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad day \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
