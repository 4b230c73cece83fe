/// The audit log (R4) as people read it: listing and verifying the hash chain.
public struct AuditTrail: SiteArea {
    public let site: Site
}
