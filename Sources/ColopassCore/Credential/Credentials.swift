/// Credentials: the site's signing keys (every card, pass and slip is signed; gates pin the public
/// halves) and the desk's verification of a scanned credential against the service's records.
public struct Credentials: SiteArea {
    public let site: Site
}
