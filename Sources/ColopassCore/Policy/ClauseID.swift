/// The clauses a policy file must define. The reference rules (S, E, C, Q) and Colopass's own
/// administration clauses (R, D, G). A refusal names one of these, optionally with a facet
/// after a dot (`C1.limit`), so every refusal can be traced to a written rule.
public enum ClauseID {
    public static let required: [String] =
        (1...7).map { "S\($0)" } + (1...5).map { "E\($0)" } + (1...10).map { "C\($0)" }
        + (1...5).map { "Q\($0)" } + (1...4).map { "R\($0)" } + ["D1", "G1", "G2"]

    /// `C1.limit` → `C1`.
    public static func base(of clause: String) -> String {
        String(clause.split(separator: ".", maxSplits: 1).first ?? Substring(clause))
    }
}
