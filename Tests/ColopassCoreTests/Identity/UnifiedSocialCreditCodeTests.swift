import Testing

@testable import ColopassCore

/// 91350100M000100Y43 is a known-valid code; the others were computed with an independent script
/// from the same weights and alphabet, so they check this code against the formula, not itself.
@Suite struct UnifiedSocialCreditCodeTests {
    @Test func creditCodeAcceptsValidCodes() throws {
        for code in [
            "91350100M000100Y43", "91110000600037341L", "914403001922038216",
            "12100000400010398P", "311100003583342349", "Y2110105MA00000006",
        ] {
            #expect(try UnifiedSocialCreditCode(code).value == code)
        }
    }

    @Test func creditCodeNormalisesCaseAndTrimsSpaces() throws {
        #expect(try UnifiedSocialCreditCode("  91350100m000100y43 ").value == "91350100M000100Y43")
    }

    @Test func creditCodeRejectsWrongCheckCharacter() {
        for code in ["91350100M000100Y44", "91350100M000100Y4Y", "91350100M000100Y34"] {
            let reason = expectInvalidInput("credit_code") { try UnifiedSocialCreditCode(code) }
            #expect(reason?.en.contains("check character") == true)
        }
    }

    @Test func creditCodeRejectsLettersTheStandardLeavesOut() {
        for letter in ["I", "O", "Z", "S", "V"] {
            let code = "91350100M000100\(letter)43"
            let reason = expectInvalidInput("credit_code") { try UnifiedSocialCreditCode(code) }
            #expect(reason?.en.contains("\"\(letter)\"") == true)
        }
    }

    @Test func creditCodeRejectsPunctuation() {
        expectInvalidInput("credit_code") { try UnifiedSocialCreditCode("91350100-000100Y43") }
    }

    @Test func creditCodeRejectsWrongLength() {
        for code in ["", "91350100M000100Y4", "91350100M000100Y433"] {
            let reason = expectInvalidInput("credit_code") { try UnifiedSocialCreditCode(code) }
            #expect(reason?.en.contains("18 characters") == true)
        }
    }

    @Test func creditCodeRejectsLettersInTheRegionDigits() {
        let reason = expectInvalidInput("credit_code") { try UnifiedSocialCreditCode("9135A100M000100Y43") }
        #expect(reason?.en.contains("region") == true)
    }
}
