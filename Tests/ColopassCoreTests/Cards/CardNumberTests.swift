import ColopassCore
import Testing

/// Card numbers as they are typed at the desk: shape first, then the check character.
@Suite("Card numbers")
struct CardNumberTests {
    @Test(arguments: ["DC1", "A1", "SITE0001"])
    func aMadeNumberParsesBackWhateverTheCaseAndSpaces(site: String) throws {
        let number = CardNumber.make(site: site, sequence: 42)
        #expect(try CardNumber.parse(" \(number.lowercased()) ") == number)
        #expect(try CardNumber.parse(CardNumber.make(site: site, sequence: 1_234_567)) == CardNumber.make(site: site, sequence: 1_234_567))
    }

    @Test(arguments: [
        "", "DC1", "DC1-000001", "1DC-000001-X", "D-000001-X", "DCSITE123-000001-X", "DC1-00001-X", "DC1-0000A1-X",
        "DC1-000001-XY", "DC1-000001-", "DC1--000001-X", "DC1-000001-X-1", "DC_1-000001-X", "DC1-000001-é",
    ])
    func aNumberOfTheWrongShapeIsInvalid(_ text: String) {
        expectInvalidInput("card") { try CardNumber.parse(text) }
    }

    @Test func aMistypedCheckCharacterIsInvalid() {
        let number = CardNumber.make(site: "DC1", sequence: 1)
        let wrong = String(number.dropLast()) + (number.hasSuffix("A") ? "B" : "A")
        let reason = expectInvalidInput("card") { try CardNumber.parse(wrong) }
        #expect(reason?.en.contains("check character") == true)
    }
}
