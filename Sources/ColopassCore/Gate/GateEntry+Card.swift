import Foundation
import GRDB

/// What the door needs of an access card, its holder, client and contract: one row of the
/// snapshot's join, or the four records when one card is read.
struct CardAtDoor {
    var id: Int64
    var number: String
    var generation: Int
    var status: Card.Status
    var validFrom: Date
    var validUntil: Date
    var stopClause: ClauseID?
    var holderActive: Bool
    var holderName: String
    var idNumber: String
    var photo: String?
    var company: String
    var contractStatus: Contract.Status
    var contractStartsOn: Day
    var contractEndsOn: Day

    init(_ card: Card, person: Person, client: Client, contract: Contract) {
        id = card.id
        number = card.number
        generation = card.generation
        status = card.status
        // To the millisecond, as the joined read below gives them (and the database stores them).
        validFrom = Self.toMillisecond(card.validFrom)
        validUntil = Self.toMillisecond(card.validUntil)
        stopClause = card.stopClause
        holderActive = person.status == .active
        holderName = person.name
        idNumber = person.idNumber
        photo = person.photo
        company = client.name
        contractStatus = contract.status
        contractStartsOn = contract.startsOn
        contractEndsOn = contract.endsOn
    }

    /// The join's columns, read by position in the order of `columns`. The card's window is read
    /// as milliseconds since 1970, converted by SQLite: GRDB reads a stored date through
    /// Foundation's calendar, which cost more than the rest of the row.
    static let columns = """
        card.id, card.number, card.generation, card.status, \(milliseconds("card.valid_from")),
        \(milliseconds("card.valid_until")), card.stop_clause,
        person.status, person.name, person.id_number, person.photo, client.name,
        contract.status, contract.starts_on, contract.ends_on
        """

    static func toMillisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// A date column as whole milliseconds since 1970, however GRDB stored it: text
    /// (`YYYY-MM-DD HH:MM:SS.SSS`, UTC) or a number of seconds; NULL if it is neither.
    static func milliseconds(_ column: String) -> String {
        """
        CASE typeof(\(column)) WHEN 'text' THEN CAST(ROUND((julianday(\(column)) - 2440587.5) * 86400000) AS INTEGER)
        WHEN 'integer' THEN \(column) * 1000 WHEN 'real' THEN CAST(ROUND(\(column) * 1000) AS INTEGER) END
        """
    }

    /// The card, holder, client and contract of each row: the same tables `Card`, `Person`,
    /// `Client` and `Contract` read, joined in one statement.
    static let join = """
        card JOIN person ON person.id = card.person_id JOIN client ON client.id = card.client_id
        JOIN contract ON contract.id = card.contract_id
        """

    init(row: Row) throws {
        func raw<E: RawRepresentable>(_ index: Int, _ name: String) throws -> E where E.RawValue == String {
            let text: String = row[index]
            guard let value = E(rawValue: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(name): unknown value \(text)"))
            }
            return value
        }
        func day(_ index: Int, _ name: String) throws -> Day {
            let text: String = row[index]
            guard let value = Day(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(name): bad day \(text)"))
            }
            return value
        }
        id = row[0]
        number = row[1]
        generation = row[2]
        status = try raw(3, "card.status")
        func instant(_ index: Int, _ name: String) throws -> Date {
            guard let milliseconds: Int64 = row[index] else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(name): not a date"))
            }
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
        validFrom = try instant(4, "card.valid_from")
        validUntil = try instant(5, "card.valid_until")
        stopClause = try (row[6] as String?).map { _ in try raw(6, "card.stop_clause") }
        holderActive = try raw(7, "person.status") as Person.Status == .active
        holderName = row[8]
        idNumber = row[9]
        photo = row[10]
        company = row[11]
        contractStatus = try raw(12, "contract.status")
        contractStartsOn = try day(13, "contract.starts_on")
        contractEndsOn = try day(14, "contract.ends_on")
    }
}

extension GateEntry {
    /// An access card as the door sees it.
    static func card(_ card: Card, person: Person, client: Client, contract: Contract) -> GateEntry {
        self.card(CardAtDoor(card, person: person, client: client, contract: contract))
    }

    static func card(_ card: CardAtDoor) -> GateEntry {
        GateEntry(
            kind: .accessCard, credentialId: UInt32(card.id), generation: UInt16(clamping: card.generation),
            state: CredentialStatus.State(stored: card.status), holderActive: card.holderActive,
            contractStatus: ContractState(card.contractStatus), contractStartsOn: card.contractStartsOn,
            contractEndsOn: card.contractEndsOn, validFrom: card.validFrom, validUntil: card.validUntil,
            holderName: card.holderName, company: card.company, maskedID: IDDocument.mask(card.idNumber),
            photo: card.photo, escortRequired: false, details: [card.number], stoppedUnder: card.stopClause)
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
