/// What an exit slip carries out: a decommission (Q4) or a removal for repair (Q5). The door
/// cites the slip's own clause.
public enum SlipPurpose: String, Sendable, Codable, CaseIterable {
    case decommission
    case repair
}
