import Foundation
import GRDB

/// Someone the gates last let in and have not yet let out: a line of the muster list read out
/// in an evacuation, built from the events the gates uploaded.
public struct SiteOccupant: Sendable, Codable {
    public var kind: CredentialKind
    public var credentialId: Int64
    public var holderName: String
    public var since: Date
    public var gate: String
}

extension GateExchange {
    /// Everyone whose last granted passage, through any door, was inwards. Only as fresh as the
    /// gates' last upload: a gate that is offline still holds its own list (`gate-check inside`).
    public func occupants(by actor: Actor) throws -> [SiteOccupant] {
        try read(actor, .viewOccupancy) { db in
            try Row.fetchAll(db, sql: GateEventRow.insideQuery(events: "gate_event")).compactMap { row in
                guard let kind = CredentialKind(rawValue: row["kind"]) else { return nil }
                return SiteOccupant(
                    kind: kind, credentialId: row["credential_id"], holderName: row["holder_name"] ?? "?",
                    since: row["at"], gate: row["gate"])
            }
        }
    }
}
