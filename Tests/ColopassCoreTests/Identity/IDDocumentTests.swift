import Foundation
import Testing

@testable import ColopassCore

@Suite struct IDDocumentTests {
    /// 2025-06-15T04:00:00Z, noon in Beijing.
    let today = Date(timeIntervalSince1970: 1_749_960_000)

    @Test func documentTypesHaveBothNamesAndSnakeCaseRawValues() {
        #expect(IDDocumentType.residentID.rawValue == "resident_id")
        #expect(IDDocumentType.passport.rawValue == "passport")
        #expect(IDDocumentType.foreignPermanentResident.rawValue == "foreign_permanent_resident")
        for type in IDDocumentType.allCases {
            #expect(!type.name.zh.isEmpty && !type.name.en.isEmpty)
        }
    }

    @Test func documentAcceptsWellFormedNumbersOfEveryType() throws {
        let valid: [(IDDocumentType, String)] = [
            (.residentID, "11010519491231002X"),
            (.passport, "E12345678"), (.passport, "G1234"), (.passport, "P1234567890123456"),
            (.hkMacauPermit, "H12345678"), (.hkMacauPermit, "M1234567890"),
            (.taiwanPermit, "12345678"), (.taiwanPermit, "1234567890"),
            (.taiwanPermit, "12345678B1"),
            (.foreignPermanentResident, "USA110079123456"),
            (.foreignPermanentResident, "911156198001010012"),
            (.foreignPermanentResident, "91115619800101001X"),
        ]
        for (type, number) in valid {
            #expect(try IDDocument(type: type, number: number, today: today).number == number)
        }
    }

    @Test func documentNormalisesCaseAndSpaces() throws {
        #expect(
            try IDDocument(type: .passport, number: " e12345678 ", today: today).number
                == "E12345678")
        #expect(
            try IDDocument(type: .residentID, number: "11010519491231002x", today: today).number
                == "11010519491231002X")
        #expect(
            try IDDocument(type: .hkMacauPermit, number: "h12345678", today: today).number
                == "H12345678")
    }

    @Test func documentValidatesResidentIDsWithTheCheckDigit() {
        expectInvalidInput("id_number") {
            try IDDocument(type: .residentID, number: "110105194912310021", today: today)
        }
        expectInvalidInput("id_number") {
            try IDDocument(type: .residentID, number: "110105202506160019", today: today)
        }
    }

    @Test func documentRejectsEmptyNumbersOfEveryType() {
        for type in IDDocumentType.allCases {
            let reason = expectInvalidInput("id_number") {
                try IDDocument(type: type, number: "  ", today: today)
            }
            #expect(reason?.en.contains("empty") == true)
        }
    }

    @Test func documentRejectsMalformedNumbers() {
        let malformed: [(IDDocumentType, String)] = [
            (.passport, "E123"), (.passport, "E1234567890123456X"), (.passport, "12345678"),
            (.passport, "E1234-567"),
            (.hkMacauPermit, "H1234567"), (.hkMacauPermit, "H123456789"),
            (.hkMacauPermit, "K12345678"),
            (.hkMacauPermit, "H1234567A"),
            (.taiwanPermit, "1234567"), (.taiwanPermit, "1234567A"), (.taiwanPermit, "123456789"),
            (.foreignPermanentResident, "US1110079123456"),
            (.foreignPermanentResident, "USA11007912345"),
            (.foreignPermanentResident, "9111561980010100X2"),
        ]
        for (type, number) in malformed {
            let reason = expectInvalidInput("id_number") {
                try IDDocument(type: type, number: number, today: today)
            }
            #expect(reason == IDDocumentTests.ruleText(type, today: today), "\(type) \(number)")
        }
    }

    @Test func documentMasksAllButTheLastFourCharacters() throws {
        let resident = try IDDocument(type: .residentID, number: "11010519491231002X", today: today)
        #expect(resident.masked == "**************002X")
        let passport = try IDDocument(type: .passport, number: "G1234", today: today)
        #expect(passport.masked == "*1234")
    }

    @Test func documentParseAcceptsKnownTypeNames() throws {
        let document = try IDDocument.parse(type: " Passport ", number: "E12345678", today: today)
        #expect(document.type == .passport)
    }

    @Test func documentParseRejectsUnknownTypeNamingIdType() {
        do {
            _ = try IDDocument.parse(type: "drivers_licence", number: "E12345678", today: today)
            Issue.record("accepted an unknown type")
        } catch .invalidInput(let field, let reason) {
            #expect(field == "id_type")
            #expect(!reason.zh.isEmpty && reason.en.contains("resident_id"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func documentRoundTripsThroughJSON() throws {
        let document = try IDDocument(type: .hkMacauPermit, number: "M1234567890", today: today)
        let json = try JSONEncoder().encode(document)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: String]
        #expect(object == ["type": "hk_macau_permit", "number": "M1234567890"])
        #expect(try JSONDecoder().decode(IDDocument.self, from: json) == document)
    }

    @Test func documentDecodingValidates() {
        let bad = Data(#"{"type":"resident_id","number":"110105194912310021"}"#.utf8)
        #expect(throws: CoreError.self) { try JSONDecoder().decode(IDDocument.self, from: bad) }
        let unknown = Data(#"{"type":"library_card","number":"E12345678"}"#.utf8)
        #expect(throws: CoreError.self) { try JSONDecoder().decode(IDDocument.self, from: unknown) }
    }

    /// The reason a malformed number of `type` gets, read back from a known-malformed one, so the
    /// test checks that each type reports its own rule without restating the wording.
    static func ruleText(_ type: IDDocumentType, today: Date) -> Bilingual? {
        do {
            _ = try IDDocument(type: type, number: "@", today: today)
        } catch .invalidInput(_, let reason) {
            return reason
        } catch {}
        return nil
    }
}
