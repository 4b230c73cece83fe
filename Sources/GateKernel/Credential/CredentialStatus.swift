import Foundation

/// What the records say of one credential right now: the service's database or the gate's
/// replica answers this, and the verifier decides from it.
public struct CredentialStatus: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        case active, lost, cancelled, returned, used, expired
    }

    public var kind: CredentialKind
    public var credentialId: UInt32
    public var generation: UInt16
    public var state: State
    /// The holder's client has a contract in force (checked at the decision's time of day).
    public var contractInForce: Bool
    public var holderActive: Bool
    /// The clause the credential was stopped under (C5, C9, C7, Q4, Q5), if it was.
    public var stoppedUnder: ClauseID?
    /// Exit slips only: what the slip carries out.
    public var slipPurpose: SlipPurpose?
    /// A value in the records that this build does not know (`state=paused`): decide nothing on it.
    public var unknownValue: String?

    public init(
        kind: CredentialKind, credentialId: UInt32, generation: UInt16, state: State, contractInForce: Bool,
        holderActive: Bool, stoppedUnder: ClauseID? = nil, slipPurpose: SlipPurpose? = nil, unknownValue: String? = nil
    ) {
        self.kind = kind
        self.credentialId = credentialId
        self.generation = generation
        self.state = state
        self.contractInForce = contractInForce
        self.holderActive = holderActive
        self.stoppedUnder = stoppedUnder
        self.slipPurpose = slipPurpose
        self.unknownValue = unknownValue
    }

    var isRepairSlip: Bool { slipPurpose == .repair }
}

/// Where the verifier reads public keys and statuses from.
public protocol CredentialRecords {
    func publicKey(id: UInt16) throws -> Ed25519PublicKey?
    func status(of kind: CredentialKind, id: UInt32, at date: Date) throws -> CredentialStatus?
}
