import Testing

@testable import ColopassCore

@Suite struct CheckCharacterTests {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let bodies = ["DC10001234", "K7Q2M9X4P1", "A1B2C3D4E5", "0000000000", "ZZZZZZZZZZ"]

    @Test func checkCharacterMatchesTheGRidReferenceExample() {
        // GRid (Global Release Identifier) uses MOD 37,36; its spec's example is
        // A1-2425G-ABC1234002-M.
        #expect(CheckCharacter.compute("A1-2425G-ABC1234002") == "M")
        #expect(CheckCharacter.isValid("A1-2425G-ABC1234002-M"))
    }

    @Test func checkCharacterIgnoresSeparatorsAndCase() {
        #expect(CheckCharacter.compute("DC1-000123") == "4")
        #expect(CheckCharacter.compute("dc1000123") == "4")
        #expect(CheckCharacter.isValid("DC1-000123-4"))
        #expect(CheckCharacter.isValid("dc1000123-4"))
        #expect(CheckCharacter.isValid(" DC1-000123-4 "))
    }

    @Test func checkCharacterRejectsForeignCharactersAndBareInput() {
        #expect(!CheckCharacter.isValid("DC1_000123-4"))
        #expect(!CheckCharacter.isValid("DC1·000123-4"))
        #expect(!CheckCharacter.isValid(""))
        #expect(!CheckCharacter.isValid("1"))
        #expect(!CheckCharacter.isValid("--"))
    }

    @Test(arguments: bodies)
    func checkCharacterDetectsEverySingleSubstitution(body: String) {
        let full = Array(body) + [CheckCharacter.compute(body)]
        #expect(CheckCharacter.isValid(String(full)))
        for position in full.indices {
            for replacement in Self.alphabet where replacement != full[position] {
                var typed = full
                typed[position] = replacement
                #expect(!CheckCharacter.isValid(String(typed)), "\(String(typed)) slipped through")
            }
        }
    }

    @Test(arguments: bodies)
    func checkCharacterDetectsEveryAdjacentTransposition(body: String) {
        // Includes swapping the last body character with the check character.
        let full = Array(body) + [CheckCharacter.compute(body)]
        for position in full.indices.dropLast() where full[position] != full[position + 1] {
            var typed = full
            typed.swapAt(position, position + 1)
            #expect(!CheckCharacter.isValid(String(typed)), "\(String(typed)) slipped through")
        }
    }

    @Test func checkCharacterMissesTheHybridSystemsRareTransposition() {
        // Documents the known limit so nobody relies on perfect transposition detection: with the
        // running state before them, "Z" then "0" and "0" then "Z" land on the same state.
        #expect(CheckCharacter.isValid("Q7IHFOZ0CX0"))
        #expect(CheckCharacter.isValid("Q7IHFO0ZCX0"))
    }
}
