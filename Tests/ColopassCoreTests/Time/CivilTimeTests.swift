import ColopassCore
import Foundation
import Testing

/// Times shown to people are the site's wall clock; the arithmetic must agree with Foundation's
/// own formatter everywhere, daylight saving and dates before 1970 included.
@Suite struct CivilTimeTests {
    @Test func aTimeReadsAsTheSiteClockShowsIt() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let instant = Date(timeIntervalSince1970: 1_796_192_826)  // 2026-12-02T06:27:06Z
        #expect(SiteTime.format(instant, in: shanghai) == "2026-12-02 14:27")
        #expect(EntryWindow.timestamp(instant, in: shanghai) == "2026-12-02T14:27:06+08:00")
        #expect(EntryWindow.timestamp(instant, in: TimeZone(identifier: "UTC")!) == "2026-12-02T06:27:06+00:00")
    }

    @Test func theArithmeticAgreesWithFoundationInEveryZone() {
        var random = SystemRandomNumberGenerator()
        for identifier in ["Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/St_Johns"] {
            let zone = TimeZone(identifier: identifier)!
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
            // Random instants from 1901 to 2100, and the minutes around 2000-02-29 and a DST change.
            var instants = (0..<2_000).map { _ in
                Date(timeIntervalSince1970: Double(Int.random(in: -2_100_000_000...4_100_000_000, using: &random)))
            }
            instants += [951_782_400, 951_868_799, 1_710_054_000, 1_710_053_999, -1, 0].map { Date(timeIntervalSince1970: $0) }
            for instant in instants {
                #expect(CivilTime(instant, in: zone).timestamp == formatter.string(from: instant), "\(identifier) \(instant.timeIntervalSince1970)")
            }
        }
    }

    @Test func aClockShowsTheSecondThatHasBegun() {
        // 14:27:59.9 is still 14:27 on the wall clock, before 1970 as after
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        #expect(SiteTime.format(Date(timeIntervalSince1970: 1_796_192_879.9), in: zone) == "2026-12-02 14:27")
        #expect(CivilTime(Date(timeIntervalSince1970: -0.5), in: TimeZone(identifier: "UTC")!).timestamp == "1969-12-31T23:59:59+00:00")
    }

    @Test func aWindowOnOneDayShowsItsDateOnce() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let start = Date(timeIntervalSince1970: 1_796_173_200)  // 2026-12-02 09:00 +08
        #expect(EntryWindow.describe(from: start, to: start + 8 * 3600, in: shanghai) == "2026-12-02 09:00 – 17:00")
        #expect(EntryWindow.describe(from: start, to: start + 24 * 3600, in: shanghai) == "2026-12-02 09:00 – 2026-12-03 09:00")
    }
}
