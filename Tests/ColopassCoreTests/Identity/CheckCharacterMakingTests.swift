import ColopassCore
import Foundation
import Testing

/// Tools that make valid identifiers (the benchmarks' bulk data) finish them with the same check
/// characters the validators demand.
@Suite("Check characters for made identifiers")
struct CheckCharacterMakingTests {
    @Test(arguments: ["91110108MA01ABCD1", "91310115MA1K3XY72", "91110108MA0000001"])
    func aMadeCreditCodeValidates(body: String) throws {
        let code = body + String(try #require(UnifiedSocialCreditCode.checkCharacter(for: body)))
        #expect(try UnifiedSocialCreditCode(code).value == code)
    }

    @Test(arguments: ["11010519850312123", "11010519491231002", "44030519921120345"])
    func aMadeResidentIDValidates(body: String) throws {
        let number = body + String(try #require(ResidentIDNumber.checkCharacter(for: body)))
        #expect(try ResidentIDNumber(number).value == number)
    }

    @Test func aBodyOfTheWrongShapeHasNoCheckCharacter() {
        #expect(UnifiedSocialCreditCode.checkCharacter(for: "91110108MA01ABCDI") == nil)  // I is not in the alphabet
        #expect(UnifiedSocialCreditCode.checkCharacter(for: "91110108") == nil)
        #expect(ResidentIDNumber.checkCharacter(for: "1101051985031212X") == nil)
        #expect(ResidentIDNumber.checkCharacter(for: "1101051985") == nil)
    }
}
