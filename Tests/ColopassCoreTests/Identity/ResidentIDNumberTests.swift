import Foundation
import Testing

@testable import ColopassCore

/// 11010519491231002X is the widely quoted example; the other vectors were computed with an
/// independent script. Every invalid vector has a correct check digit unless the check digit is
/// the point, so each test trips exactly one rule.
@Suite struct ResidentIDNumberTests {
    /// 2025-06-15, noon Beijing time.
    let today = beijingDate(2025, 6, 15, hour: 12)

    @Test func residentIDAcceptsValidNumbers() throws {
        for number in [
            "11010519491231002X", "440301199003071230", "53010219850704321X",
            "830000199001010012", "810000198511110031",
        ] {
            #expect(try ResidentIDNumber(number, today: today).value == number)
        }
    }

    @Test func residentIDNormalisesLowercaseXAndTrimsSpaces() throws {
        #expect(
            try ResidentIDNumber(" 11010519491231002x\n", today: today).value
                == "11010519491231002X")
    }

    @Test func residentIDExposesBirthDate() throws {
        let birth = try ResidentIDNumber("11010519491231002X", today: today).birthDate
        #expect((birth.year, birth.month, birth.day) == (1949, 12, 31))
        #expect(birth.date != nil)
    }

    @Test func residentIDRejectsWrongCheckDigit() {
        let reason = expectInvalidInput("id_number") { try ResidentIDNumber("110105194912310021", today: today) }
        #expect(reason?.en.contains("check character") == true)
    }

    @Test func residentIDRejectsWrongLength() {
        for number in ["", "11010519491231002", "11010519491231002X0"] {
            let reason = expectInvalidInput("id_number") { try ResidentIDNumber(number, today: today) }
            #expect(reason?.en.contains("18 characters") == true)
        }
    }

    @Test func residentIDRejectsLettersAndNonASCIIDigitsInTheBody() {
        // Full-width digits (１) count as numbers to Swift but never appear on a card.
        for number in [
            "11010519491231A02X", "1101051949X231002X", "１1010519491231002X", "11010519491231002Y",
        ] {
            let reason = expectInvalidInput("id_number") { try ResidentIDNumber(number, today: today) }
            #expect(reason?.en.contains("digits") == true)
        }
    }

    @Test func residentIDAcceptsFeb29InLeapYears() throws {
        _ = try ResidentIDNumber("310115200002290048", today: today)  // 2000: divisible by 400
    }

    @Test func residentIDRejectsFeb29InNonLeapYears() {
        // 1999 is not divisible by 4; 1900 is divisible by 100 but not 400.
        for number in ["110105199902290021", "110105190002290017"] {
            let reason = expectInvalidInput("id_number") { try ResidentIDNumber(number, today: today) }
            #expect(reason?.en.contains("not a real date") == true)
        }
    }

    @Test func residentIDRejectsImpossibleDates() {
        // Feb 30, month 13, day 0.
        for number in ["11010519900230001X", "110105199013010018", "110105199001000015"] {
            let reason = expectInvalidInput("id_number") { try ResidentIDNumber(number, today: today) }
            #expect(reason?.en.contains("not a real date") == true)
        }
    }

    @Test func residentIDRejectsBirthYearsBefore1900() throws {
        _ = try ResidentIDNumber("11010519000101001X", today: today)
        let reason = expectInvalidInput("id_number") { try ResidentIDNumber("110105189912310015", today: today) }
        #expect(reason?.en.contains("1900") == true)
    }

    @Test func residentIDRejectsFutureBirthDates() throws {
        _ = try ResidentIDNumber("110105202506150013", today: today)  // born today
        for number in ["110105202506160019", "110105209912310010"] {
            let reason = expectInvalidInput("id_number") { try ResidentIDNumber(number, today: today) }
            #expect(reason?.en.contains("future") == true)
        }
    }

    @Test func residentIDReadsTodayInBeijingTime() throws {
        // 16:30 UTC on June 15 is already June 16 in Beijing, so someone born June 16 exists.
        let lateUTC = Date(timeIntervalSince1970: 1_750_005_000)  // 2025-06-15T16:30:00Z
        _ = try ResidentIDNumber("110105202506160019", today: lateUTC)
    }

    @Test func residentIDRejectsUnknownRegion() {
        for number in ["990105199001010014", "100105199001010019", "000105199001010015"] {
            let reason = expectInvalidInput("id_number") { try ResidentIDNumber(number, today: today) }
            #expect(reason?.en.contains("province code") == true)
        }
    }

    @Test func residentIDReasonsDoNotQuoteTheNumber() {
        let reason = expectInvalidInput("id_number") { try ResidentIDNumber("110105194912310021", today: today) }
        #expect(reason?.zh.contains("19491231") == false)
        #expect(reason?.en.contains("19491231") == false)
    }
}

private func beijingDate(_ year: Int, _ month: Int, _ day: Int, hour: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
}
