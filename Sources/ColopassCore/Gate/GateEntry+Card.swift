extension GateEntry {
    /// An access card as the door sees it.
    static func card(_ card: Card, person: Person, client: Client, contract: Contract) -> GateEntry {
        GateEntry(
            kind: .accessCard, credentialId: UInt32(card.id), generation: UInt16(clamping: card.generation),
            state: CredentialStatus.State(stored: card.status), holderActive: person.status == .active,
            contractStatus: ContractState(contract.status), contractStartsOn: contract.startsOn,
            contractEndsOn: contract.endsOn, validFrom: card.validFrom, validUntil: card.validUntil,
            holderName: person.name, company: client.name, maskedID: person.maskedIDNumber, photo: person.photo,
            escortRequired: false, details: [card.number], stoppedUnder: card.stopClause)
    }
}

extension CredentialStatus.State {
    init(stored status: Card.Status) {
        switch status {
        case .active: self = .active
        case .lost: self = .lost
        case .cancelled: self = .cancelled
        case .returned: self = .returned
        }
    }
}

extension GateEntry.ContractState {
    /// Spelled out case by case, so a new contract status cannot reach the gates unmapped.
    init(_ status: Contract.Status) {
        switch status {
        case .draft: self = .draft
        case .active: self = .active
        case .suspended: self = .suspended
        case .terminated: self = .terminated
        }
    }
}
