/// G3: nobody is trapped inside. At the way out a person is let out whatever their credential's
/// standing now; a credential stopped while they were inside raises an alert instead of a denial.
public enum G3: String, ClauseFacet {
    public static let clause = ClauseID.G3
    case letOut = "let_out"
}
