/// R4: the records stay complete: an audit chain that does not verify, or a backup whose files
/// are not the ones its manifest names, is not taken as the site's record.
public enum R4: String, ClauseFacet {
    public static let clause = ClauseID.R4
    case chain
    case backup

    public var audience: Audience { .request }
}
