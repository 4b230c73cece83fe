/// Equipment in and out (Q1–Q5): work orders, acceptance, IP and port allocation, removals and
/// their exit slips.
public struct Equipment: SiteArea {
    public let site: Site
    let credentials: Credentials
}
