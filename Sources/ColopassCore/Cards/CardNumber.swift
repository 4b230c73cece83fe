/// Card numbers as people type them: `SITE-NNNNNN-C`, where C is an ISO 7064 MOD 37,36 check
/// character over the site and the sequence.
public enum CardNumber {
    public static func make(site: String, sequence: Int64) -> String {
        let body = "\(site)-\(String(format: "%06lld", sequence))"
        return "\(body)-\(CheckCharacter.compute(body))"
    }

    /// Normalises a typed number and checks its check character, so a mistyped number is caught
    /// before any lookup.
    public static func parse(_ text: String) throws -> String {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard number.range(of: #"^[A-Z][A-Z0-9]{1,7}-[0-9]{6,}-[0-9A-Z]$"#, options: .regularExpression) != nil else {
            throw CoreError.invalid("card", zh: "出入证号格式应为 站点-序号-校验位", en: "a card number looks like SITE-000001-C")
        }
        guard CheckCharacter.isValid(number) else {
            throw CoreError.invalid("card", zh: "出入证号校验位不符，可能输错", en: "check character does not match: mistyped?")
        }
        return number
    }
}
