import Foundation

/// What a gate knows of one credential: the facts its status derives from, and what the guard
/// must check by eye. The service builds these; the gate stores them in its replica; both derive
/// the status through `status(at:timeZone:)`, so the rule lives in one place.
public struct GateEntry: Sendable, Codable, Equatable {
    /// A contract's state as the door needs it. The service maps its own contract status onto
    /// this, so the gate knows nothing of the service's records; the raw values are the
    /// service's, so snapshots and replicas already written read the same.
    public enum ContractState: String, Sendable, Codable, CaseIterable {
        case draft, active, suspended, terminated
    }

    public var kind: CredentialKind
    public var credentialId: UInt32
    public var generation: UInt16
    /// Stored state: active, lost, cancelled, returned, used. Expiry is derived from the window.
    public var state: CredentialStatus.State
    public var holderActive: Bool
    /// The contract the credential hangs on; nil where no contract is required (emergency entry).
    public var contractStatus: ContractState?
    public var contractStartsOn: Day?
    public var contractEndsOn: Day?
    public var validFrom: Date
    public var validUntil: Date
    public var holderName: String
    public var company: String
    public var maskedID: String
    /// SHA-256 of the holder's photo in the service's document store.
    public var photo: String?
    public var escortRequired: Bool
    /// Exit slips: items and movers; passes: reason. One line each, shown to the guard.
    public var details: [String]
    /// Why the credential stopped, if it did: the clause it was cancelled, revoked or voided under.
    public var stoppedUnder: ClauseID?
    /// Exit slips only: a decommission (Q4) or a removal for repair (Q5).
    public var slipPurpose: SlipPurpose?
    /// Values a newer service wrote that this build does not know, by field (`state`: `paused`).
    /// They are kept as written, so the replica passes them on unchanged, and the credential is
    /// denied until gate-check is updated: an unknown state must never read as "active".
    public var unknownValues: [String: String] = [:]

    public init(
        kind: CredentialKind, credentialId: UInt32, generation: UInt16, state: CredentialStatus.State,
        holderActive: Bool, contractStatus: ContractState?, contractStartsOn: Day?, contractEndsOn: Day?,
        validFrom: Date, validUntil: Date, holderName: String, company: String, maskedID: String, photo: String?,
        escortRequired: Bool, details: [String], stoppedUnder: ClauseID? = nil, slipPurpose: SlipPurpose? = nil
    ) {
        self.kind = kind
        self.credentialId = credentialId
        self.generation = generation
        self.state = state
        self.holderActive = holderActive
        self.contractStatus = contractStatus
        self.contractStartsOn = contractStartsOn
        self.contractEndsOn = contractEndsOn
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.holderName = holderName
        self.company = company
        self.maskedID = maskedID
        self.photo = photo
        self.escortRequired = escortRequired
        self.details = details
        self.stoppedUnder = stoppedUnder
        self.slipPurpose = slipPurpose
    }

    public func contractInForce(at date: Date, timeZone: TimeZone) -> Bool {
        guard let contractStatus else { return true }
        guard contractStatus == .active, let starts = contractStartsOn, let ends = contractEndsOn else { return false }
        let day = Day(date, in: timeZone)
        return starts <= day && day <= ends
    }

    public func status(at date: Date, timeZone: TimeZone) -> CredentialStatus {
        CredentialStatus(
            kind: kind, credentialId: credentialId, generation: generation,
            state: state == .active && date >= validUntil ? .expired : state,
            contractInForce: contractInForce(at: date, timeZone: timeZone), holderActive: holderActive,
            stoppedUnder: stoppedUnder, slipPurpose: slipPurpose,
            unknownValue: unknownValues.isEmpty ? nil : unknownValues.min { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    }

    /// The raw text of a field as written: the unknown value kept, or the known one's own.
    public func raw<Value: RawRepresentable>(_ field: String, _ value: Value?) -> String? where Value.RawValue == String {
        unknownValues[field] ?? value?.rawValue
    }

    /// Reads one enumerated field from its text; an unknown text is kept and `fallback` (the
    /// safest reading) stands in for it.
    public mutating func read<Value: RawRepresentable>(_ field: String, _ text: String?, fallback: Value) -> Value?
    where Value.RawValue == String {
        text.map { readLeniently(field, $0, fallback: fallback, unknown: &unknownValues) }
    }
}

/// A value a newer service may have written: known, it is read; unknown, it is kept under its
/// field in `unknown` and `fallback` (the safest reading) stands in. Entries and rules read alike.
func readLeniently<Value: RawRepresentable>(
    _ field: String, _ text: String, fallback: Value, unknown: inout [String: String]
) -> Value where Value.RawValue == String {
    if let value = Value(rawValue: text) { return value }
    unknown[field] = text
    return fallback
}
