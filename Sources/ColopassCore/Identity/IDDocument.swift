import Foundation

/// The identity documents a visitor may present at the front desk.
public enum IDDocumentType: String, Sendable, Codable, CaseIterable {
    case residentID = "resident_id"
    case passport
    case hkMacauPermit = "hk_macau_permit"
    case taiwanPermit = "taiwan_permit"
    case foreignPermanentResident = "foreign_permanent_resident"

    /// The document's official name.
    public var name: Bilingual {
        switch self {
        case .residentID:
            return Bilingual(zh: "居民身份证", en: "Resident Identity Card")
        case .passport:
            return Bilingual(zh: "护照", en: "Passport")
        case .hkMacauPermit:
            return Bilingual(
                zh: "港澳居民来往内地通行证",
                en: "Mainland Travel Permit for Hong Kong and Macao Residents")
        case .taiwanPermit:
            return Bilingual(
                zh: "台湾居民来往大陆通行证", en: "Mainland Travel Permit for Taiwan Residents")
        case .foreignPermanentResident:
            return Bilingual(
                zh: "外国人永久居留身份证", en: "Foreign Permanent Resident ID Card")
        }
    }
}

/// A document type and a number that has the shape that type's numbers have. Only the resident
/// ID carries a check digit; the others are checked for shape alone.
public struct IDDocument: Sendable, Hashable, Codable {
    public let type: IDDocumentType
    /// Trimmed and upper-cased.
    public let number: String

    /// - Parameter today: passed on to the resident ID's birth-date check.
    public init(type: IDDocumentType, number: String, today: Date = Date()) throws(CoreError) {
        let text = number.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard !text.isEmpty else {
            throw .invalid("id_number", zh: "证件号码不能为空", en: "the document number is empty")
        }
        if type == .residentID {
            self.number = try ResidentIDNumber(text, today: today).value
        } else {
            guard Self.hasShape(Array(text), of: type) else {
                throw .invalidInput(field: "id_number", reason: Self.shapeRule(of: type))
            }
            self.number = text
        }
        self.type = type
    }

    /// For input that names the type as text (forms, CLI flags, JSON).
    public static func parse(type: String, number: String, today: Date = Date()) throws(CoreError)
        -> IDDocument
    {
        let name = type.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let documentType = IDDocumentType(rawValue: name) else {
            let known = IDDocumentType.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(
                "id_type", zh: "未知的证件类型，可选：\(known)",
                en: "unknown document type; expected one of \(known)")
        }
        return try IDDocument(type: documentType, number: number, today: today)
    }

    /// Only the last four characters, for screens, badges and logs: enough for a guard to match
    /// the document in hand, not enough to reuse the number.
    /// Everything but the last four characters hidden: enough for a guard to compare with the
    /// document in hand, not enough to copy it.
    public var masked: String { Self.mask(number) }

    public static func mask(_ number: String) -> String {
        // ID numbers are ASCII, where a character is a byte (but for CR LF): counted without
        // walking graphemes, as a gate's first snapshot masks every holder's number.
        // One string written in place, no intermediate arrays.
        var number = number
        let ascii = number.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            let hidden = max(0, bytes.count - 4)
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<hidden { out[index] = UInt8(ascii: "*") }
                for index in hidden..<bytes.count { out[index] = bytes[index] }
                return bytes.count
            }
        }
        if let ascii { return ascii }
        return String(repeating: "*", count: max(0, number.count - 4)) + number.suffix(4)
    }

    private enum CodingKeys: String, CodingKey {
        case type, number
    }

    /// Decoding validates like the initialiser, so a document read from a request or a file holds
    /// the same promise as one built in code. Failures surface as `CoreError`, naming the field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try Self.parse(
            type: container.decode(String.self, forKey: .type),
            number: container.decode(String.self, forKey: .number))
    }

    private static func hasShape(_ c: [Character], of type: IDDocumentType) -> Bool {
        switch type {
        case .residentID:
            return true  // validated by ResidentIDNumber instead
        case .passport:
            return (5...17).contains(c.count) && isLetter(c[0]) && c.allSatisfy(isLetterOrDigit)
        case .hkMacauPermit:
            return [9, 11].contains(c.count) && (c[0] == "H" || c[0] == "M")
                && c.dropFirst().allSatisfy(isDigit)
        case .taiwanPermit:
            return (c.count == 8 && c.allSatisfy(isDigit))
                || (c.count == 10 && c.allSatisfy(isLetterOrDigit))
        case .foreignPermanentResident:
            // 2004 cards: three-letter nationality + 12 digits. 2017 and later: 18 characters laid
            // out like a resident ID, whose check character can be X like one.
            let old =
                c.count == 15 && c.prefix(3).allSatisfy(isLetter)
                && c.dropFirst(3).allSatisfy(isDigit)
            let new =
                c.count == 18 && c.prefix(17).allSatisfy(isDigit)
                && (isDigit(c[17]) || c[17] == "X")
            return old || new
        }
    }

    private static func shapeRule(of type: IDDocumentType) -> Bilingual {
        switch type {
        case .residentID:
            return Bilingual(zh: "居民身份证号码无效", en: "invalid resident ID number")
        case .passport:
            return Bilingual(
                zh: "护照号码应为5至17位字母或数字，以字母开头",
                en: "a passport number has 5–17 letters or digits and starts with a letter")
        case .hkMacauPermit:
            return Bilingual(
                zh: "港澳通行证号码应为H或M加8位或10位数字",
                en: "a Hong Kong/Macao permit number is H or M followed by 8 or 10 digits")
        case .taiwanPermit:
            return Bilingual(
                zh: "台湾居民通行证号码应为8位数字或10位字母数字",
                en: "a Taiwan permit number is 8 digits or 10 letters and digits")
        case .foreignPermanentResident:
            return Bilingual(
                zh: "外国人永久居留身份证号码应为3位字母加12位数字，或18位数字（末位可为X）",
                en: "a foreign permanent resident number is 3 letters and 12 digits, "
                    + "or 18 digits (the last may be X)")
        }
    }

    // ASCII values, not Character ranges: "1" plus a combining accent sorts between "1" and "9",
    // and full-width or other scripts' letters and digits never appear on these documents.
    private static func isDigit(_ c: Character) -> Bool { (48...57).contains(c.asciiValue ?? 0) }
    private static func isLetter(_ c: Character) -> Bool { (65...90).contains(c.asciiValue ?? 0) }
    private static func isLetterOrDigit(_ c: Character) -> Bool { isDigit(c) || isLetter(c) }
}
