/// Temporary entry (C7) and emergency entry (C6): requests, decisions, passes, the visitor log.
public struct Passes: SiteArea {
    public let site: Site
    let credentials: Credentials
}
