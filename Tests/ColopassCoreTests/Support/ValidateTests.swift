import Testing

@testable import ColopassCore

/// Free text (names, reasons, notes): trimmed, not blank, no control or format characters.
@Suite("Free text is checked by its Unicode categories")
struct ValidateTests {
    @Test func controlAndFormatCharactersAreRefusedNamingTheField() {
        for text in ["a\u{7}b", "a\u{85}b", "a\u{200B}b", "a\u{FEFF}b", "a\u{E0001}b", "a\u{1D173}b"] {
            expectInvalidInput("reason") { try Validate.name(text, field: "reason") }
        }
    }

    @Test func lettersOfAnyPlaneAndUnassignedPointsOutsideThoseCategoriesAreText() throws {
        // Plane 14 beyond its tag characters is unassigned: not a control character, whatever
        // Foundation's table says on Linux.
        for text in ["王强", "emoji 😍", "a\u{E1128}b", "a\u{E9D58}", "\u{20BB7}"] {
            #expect(try Validate.name(text, field: "reason") == text)
        }
    }

    @Test func surroundingWhitespaceIsTrimmedAndBlankIsRefused() throws {
        #expect(try Validate.name("  name \n", field: "name") == "name")
        expectInvalidInput("name") { try Validate.name(" \u{3000}\t", field: "name") }
    }
}
