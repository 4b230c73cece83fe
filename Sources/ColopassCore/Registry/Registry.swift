/// Clients, their hosting contracts and their staff, and what ends with them: a contract's end
/// (C9) and a person's departure (C5) reach into cards, passes and equipment.
public struct Registry: SiteArea {
    public let site: Site
    let cards: Cards
    let passes: Passes
    let equipment: Equipment
}
