/// S3: client data and addresses are never shared or borrowed.
public enum S3: String, ClauseFacet {
    public static let clause = ClauseID.S3
    /// An address or port range that overlaps another.
    case overlap
}

/// S4: no entry without authorisation: a credential the site did not sign, or signed for
/// nobody it knows.
public enum S4: String, ClauseFacet {
    public static let clause = ClauseID.S4
    case unreadable
    case unknownKey = "unknown_key"
    case forged
    case wrongSite = "wrong_site"
    case unknown
}
