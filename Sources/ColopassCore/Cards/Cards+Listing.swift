import Foundation
import GRDB

/// A page of the card list as the desk searches it: by card number, holder or client name, or
/// the last four digits of the holder's ID number; by state and client; sorted; counted. Done in
/// SQL, so a site with 100,000 cards answers a 50-row page without reading the rest.
public struct CardQuery: Sendable {
    public enum Sort: String, Sendable, CaseIterable {
        case number, holder, validUntil = "valid"
    }

    public var text = ""
    /// A state as `CardView.status` reads: active, lost, cancelled, returned, expired.
    public var state: String?
    public var clientId: Int64?
    /// Active cards whose validity ends by then (the dashboard's "expiring within 30 days").
    public var expiringBy: Date?
    public var sort = Sort.number
    public var offset = 0
    public var limit = 50
    /// Count the matches only up to this many (a page's "more than 1,000"), so a list of 100,000
    /// does not count them all for every page; nil counts them all.
    public var countUpTo: Int?

    public init() {}
}

public struct CardListing: Sendable {
    public var rows: [CardView]
    /// What matched, or `countUpTo + 1` when more than `countUpTo` did.
    public var total: Int
}

extension Cards {
    public func cards(matching query: CardQuery, by actor: Actor) throws -> CardListing {
        let now = clock.now()
        return try read(actor, .viewRegistry) { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if actor.role == .clientUser {
                conditions.append("card.client_id = ?")
                arguments.append(actor.clientId ?? -1)
            }
            if let clientId = query.clientId {
                conditions.append("card.client_id = ?")
                arguments.append(clientId)
            }
            let text = query.text.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                let like = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                conditions.append(
                    "(card.number LIKE ? ESCAPE '\\' OR person.name LIKE ? ESCAPE '\\' OR client.name LIKE ? ESCAPE '\\' OR substr(person.id_number, -4) = ?)")
                arguments += [like, like, like, text.uppercased()]
            }
            switch query.state {
            case nil, "": break
            case "expired":
                conditions.append("card.status = 'active' AND card.valid_until <= ?")
                arguments.append(now)
            case "active":
                conditions.append("card.status = 'active' AND card.valid_until > ?")
                arguments.append(now)
            case let state?:
                conditions.append("card.status = ?")
                arguments.append(state)
            }
            if let by = query.expiringBy {
                conditions.append("card.status = 'active' AND card.valid_until > ? AND card.valid_until <= ?")
                arguments += [now, by]
            }
            let from = "FROM card JOIN person ON person.id = card.person_id JOIN client ON client.id = card.client_id"
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            // Every card has its person and client: without a search on their names the count needs
            // only the card table.
            let counted = text.isEmpty ? "FROM card" : from
            let countSQL = query.countUpTo.map { "SELECT COUNT(*) FROM (SELECT 1 \(counted)\(filter) LIMIT \($0 + 1))" }
                ?? "SELECT COUNT(*) \(counted)\(filter)"
            let total = try Int.fetchOne(db, sql: countSQL, arguments: StatementArguments(arguments)) ?? 0
            guard query.limit > 0 else { return CardListing(rows: [], total: total) }
            let order =
                switch query.sort {
                case .number: "card.number"
                case .holder: "person.name, card.number"
                case .validUntil: "card.valid_until, card.number"
                }
            // Rows read in place from the statement (a cursor), whose column indexes GRDB keeps:
            // a copied row looks each column name up anew.
            var rows: [CardView] = []
            rows.reserveCapacity(query.limit)
            let cursor = try Row.fetchCursor(
                db,
                sql: "SELECT card.*, person.name AS holder_name, person.id_number AS holder_id, client.name AS client_name \(from)\(filter) ORDER BY \(order) LIMIT ? OFFSET ?",
                arguments: StatementArguments(arguments + [query.limit, max(0, query.offset)]))
            while let row = try cursor.next() {
                let card = try Card(row: row)
                rows.append(
                    CardView(
                        card: card, holderName: row["holder_name"], holderMaskedID: IDDocument.mask(row["holder_id"]),
                        clientName: row["client_name"], status: card.statusLabel(at: now)))
            }
            return CardListing(rows: rows, total: total)
        }
    }
}
