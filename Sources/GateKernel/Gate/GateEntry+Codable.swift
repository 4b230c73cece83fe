import Foundation

/// The wire form of an entry. Enumerated fields travel as text and are read leniently: a value a
/// newer service sends is kept as written (see `unknownValues`), never dropped or misread, so a
/// snapshot from a newer service still applies and the door denies what it cannot judge.
extension GateEntry {
    enum CodingKeys: String, CodingKey {
        case kind, credentialId, generation, state, holderActive, contractStatus, contractStartsOn, contractEndsOn
        case validFrom, validUntil, holderName, company, maskedID, photo, escortRequired, details
        case stoppedUnder, slipPurpose
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(CredentialKind.self, forKey: .kind), credentialId: try c.decode(UInt32.self, forKey: .credentialId),
            generation: try c.decode(UInt16.self, forKey: .generation), state: .cancelled,
            holderActive: try c.decode(Bool.self, forKey: .holderActive), contractStatus: nil,
            contractStartsOn: try c.decodeIfPresent(Day.self, forKey: .contractStartsOn),
            contractEndsOn: try c.decodeIfPresent(Day.self, forKey: .contractEndsOn),
            validFrom: try c.decode(Date.self, forKey: .validFrom), validUntil: try c.decode(Date.self, forKey: .validUntil),
            holderName: try c.decode(String.self, forKey: .holderName), company: try c.decode(String.self, forKey: .company),
            maskedID: try c.decode(String.self, forKey: .maskedID), photo: try c.decodeIfPresent(String.self, forKey: .photo),
            escortRequired: try c.decode(Bool.self, forKey: .escortRequired), details: try c.decode([String].self, forKey: .details))
        try readEnumerated { field in try c.decodeIfPresent(String.self, forKey: CodingKeys(stringValue: field)!) }
    }

    /// Reads the enumerated fields from their text, however it is stored (JSON, replica row).
    public mutating func readEnumerated(_ text: (String) throws -> String?) rethrows {
        state = read("state", try text("state"), fallback: CredentialStatus.State.cancelled) ?? .cancelled
        contractStatus = read("contractStatus", try text("contractStatus"), fallback: ContractState.terminated)
        stoppedUnder = read("stoppedUnder", try text("stoppedUnder"), fallback: ClauseID.C5)
        slipPurpose = read("slipPurpose", try text("slipPurpose"), fallback: SlipPurpose.repair)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(credentialId, forKey: .credentialId)
        try c.encode(generation, forKey: .generation)
        try c.encode(raw("state", state), forKey: .state)
        try c.encode(holderActive, forKey: .holderActive)
        try c.encodeIfPresent(raw("contractStatus", contractStatus), forKey: .contractStatus)
        try c.encodeIfPresent(contractStartsOn, forKey: .contractStartsOn)
        try c.encodeIfPresent(contractEndsOn, forKey: .contractEndsOn)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encode(validUntil, forKey: .validUntil)
        try c.encode(holderName, forKey: .holderName)
        try c.encode(company, forKey: .company)
        try c.encode(maskedID, forKey: .maskedID)
        try c.encodeIfPresent(photo, forKey: .photo)
        try c.encode(escortRequired, forKey: .escortRequired)
        try c.encode(details, forKey: .details)
        try c.encodeIfPresent(raw("stoppedUnder", stoppedUnder), forKey: .stoppedUnder)
        try c.encodeIfPresent(raw("slipPurpose", slipPurpose), forKey: .slipPurpose)
    }
}
