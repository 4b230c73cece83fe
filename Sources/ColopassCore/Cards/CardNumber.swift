/// A card number as people type it: `SITE-NNNNNN-C`, where C is an ISO 7064 MOD 37,36 check
/// character over the site and the sequence. Parsed once where it enters (a path, a form, an
/// argument); the areas take only parsed numbers.
public struct CardNumber: Hashable, Sendable, CustomStringConvertible {
    /// The normalised number, as stored.
    public let text: String

    public init(_ typed: String) throws { text = try Self.parse(typed) }

    public var description: String { text }

    public static func make(site: String, sequence: Int64) -> String {
        let body = "\(site)-\(String(format: "%06lld", sequence))"
        return "\(body)-\(CheckCharacter.compute(body))"
    }

    /// Normalises a typed number and checks its check character, so a mistyped number is caught
    /// before any lookup.
    public static func parse(_ text: String) throws -> String {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard hasShape(number) else {
            throw CoreError.invalid("card", zh: "出入证号格式应为 站点-序号-校验位", en: "a card number looks like SITE-000001-C")
        }
        guard CheckCharacter.isValid(number) else {
            throw CoreError.invalid("card", zh: "出入证号校验位不符，可能输错", en: "check character does not match: mistyped?")
        }
        return number
    }

    /// `SITE-000001-C`: a letter then 1–7 letters or digits, at least six digits, one letter or
    /// digit. Checked by hand rather than by a regular expression, which Foundation compiles anew
    /// on every call (every card look-up passes here).
    static func hasShape(_ number: String) -> Bool {
        let parts = number.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let (site, serial, check) = (parts[0], parts[1], parts[2])
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
        return (2...8).contains(site.count) && isLetter(site.first!) && site.allSatisfy { isLetter($0) || isDigit($0) }
            && serial.count >= 6 && serial.allSatisfy(isDigit)
            && check.count == 1 && (isLetter(check.first!) || isDigit(check.first!))
    }
}
