/// The site's signing keys: they sign every card, pass and slip, and gates pin their public halves.
public struct Keys: SiteArea {
    public let site: Site
}
