import Foundation

/// One decision at a door, as the gate recorded it before showing it. Its id is made at the
/// gate, so uploading the same event twice is harmless.
public struct GateEvent: Sendable, Codable, Equatable {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case `in`, out
    }

    public enum Result: String, Sendable, Codable {
        case granted, denied
    }

    public var id: String
    public var gate: String
    public var direction: Direction
    public var at: Date
    /// Nil for a scan that did not even parse.
    public var kind: CredentialKind?
    public var credentialId: UInt32?
    public var generation: UInt16?
    public var result: Result
    /// The deny reason, or a warning on a grant (anti-passback warn, stale data).
    public var reason: String?
    public var clause: String?
    /// The guard confirmed what the decision asked (exit slip items and movers, emergency ID).
    public var confirmed: Bool
    public var holderName: String?

    public init(
        id: String, gate: String, direction: Direction, at: Date, kind: CredentialKind?, credentialId: UInt32?,
        generation: UInt16?, result: Result, reason: String?, clause: String?, confirmed: Bool, holderName: String?
    ) {
        self.id = id
        self.gate = gate
        self.direction = direction
        self.at = at
        self.kind = kind
        self.credentialId = credentialId
        self.generation = generation
        self.result = result
        self.reason = reason
        self.clause = clause
        self.confirmed = confirmed
        self.holderName = holderName
    }
}
