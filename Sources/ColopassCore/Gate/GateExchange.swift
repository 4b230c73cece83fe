/// What passes between the service and its gates: signed snapshots, uploaded events and their
/// effects (the visitor log, a spent exit slip), holders' photos, and who is inside.
public struct GateExchange: SiteArea {
    public let site: Site
    let passes: Passes
    let equipment: Equipment
}
