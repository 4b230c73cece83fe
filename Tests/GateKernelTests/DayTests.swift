import GateKernel
import Foundation
import Testing

@Suite("Calendar days at the site")
struct DayTests {
    @Test func parsesRealDatesOnly() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
        #expect(Day("1900-02-29") == nil)
        #expect(Day("2026-04-31") == nil)
        #expect(Day("2026-12-31")?.description == "2026-12-31")
        #expect(Day("2026-13-01") == nil)
        #expect(Day("2026-1-01") == nil)
        #expect(Day("") == nil)
        // ASCII digits only, in their places: no sign, no other digits, nothing around
        #expect(Day("+202-01-01") == nil)
        #expect(Day("2026-+1-01") == nil)
        #expect(Day("2026-01-0１") == nil)
        #expect(Day(" 2026-01-01") == nil)
        #expect(Day("2026/01/01") == nil)
        #expect(Day("0042-03-04")?.description == "0042-03-04")
        #expect(Day("9999-12-31")?.description == "9999-12-31")
        #expect(Day("0000-01-01") == nil)
    }

    @Test func dayOfAnInstantDependsOnTheSiteTimeZone() {
        let instant = ISO8601DateFormatter().date(from: "2026-06-30T17:00:00Z")!
        #expect(Day(instant, in: TimeZone(identifier: "Asia/Shanghai")!).description == "2026-07-01")
        #expect(Day(instant, in: TimeZone(identifier: "UTC")!).description == "2026-06-30")
    }

    @Test func aTermEndsAtTheStartOfTheFollowingDay() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let last = Day("2026-12-31")!
        #expect(last.end(in: zone) == ISO8601DateFormatter().date(from: "2026-12-31T16:00:00Z"))
        #expect(last.adding(days: 1).description == "2027-01-01")
    }
}
