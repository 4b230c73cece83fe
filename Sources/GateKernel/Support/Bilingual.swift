/// User-facing text: Chinese first, English beside it.
public struct Bilingual: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// One line for terminals and logs: "中文 / English".
    public var line: String { "\(zh) / \(en)" }
}
