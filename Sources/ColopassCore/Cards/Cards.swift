/// Access cards (C1–C5, C8, C9): issue, loss, reissue, cancellation, return, and their badges.
public struct Cards: SiteArea {
    public let site: Site
    let credentials: Credentials
}
