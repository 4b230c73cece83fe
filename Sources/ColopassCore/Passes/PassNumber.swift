import Foundation

/// Pass numbers as people type them: `TP-DC1-000001-C` (temporary) or `EP-DC1-000001-C`
/// (emergency), with the same ISO 7064 MOD 37,36 check character as card numbers.
public enum PassNumber {
    /// A typed number of one kind of pass, parsed once where it enters.
    public struct Of<Kind: PassKind>: Hashable, Sendable, CustomStringConvertible {
        public let text: String
        public init(_ typed: String) throws { text = try PassNumber.parse(typed, as: Kind.self) }
        public var description: String { text }
    }

    public static func make<Kind: PassKind>(_ kind: Kind.Type, site: String, sequence: Int64) -> String {
        let body = "\(Kind.numberPrefix)-\(site)-\(String(format: "%06lld", sequence))"
        return "\(body)-\(CheckCharacter.compute(body))"
    }

    /// Normalises a typed number and checks its shape, kind and check character before any lookup.
    public static func parse<Kind: PassKind>(_ text: String, as kind: Kind.Type) throws -> String {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        let pattern = "^\(Kind.numberPrefix)-[A-Z][A-Z0-9]{1,7}-[0-9]{6,}-[0-9A-Z]$"
        guard number.range(of: pattern, options: .regularExpression) != nil else {
            throw CoreError.invalid(
                "pass", zh: "通行证号格式应为 \(Kind.numberPrefix)-站点-序号-校验位",
                en: "a pass number looks like \(Kind.numberPrefix)-SITE-000001-C")
        }
        guard CheckCharacter.isValid(number) else {
            throw CoreError.invalid("pass", zh: "通行证号校验位不符，可能输错", en: "check character does not match: mistyped?")
        }
        return number
    }
}
