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

    /// The one definition of "inside", for the service's uploaded events (`gate_event`) and a
    /// gate's own (`event`), which share these columns: each credential's last granted passage
    /// through any door, kept when it was inwards, oldest first.
    public static func query(events table: String) -> String {
        """
        SELECT e.kind, e.credential_id, e.holder_name, e.at, e.gate FROM \(table) e
        JOIN (SELECT kind, credential_id, MAX(at) AS last FROM \(table)
              WHERE result = 'granted' AND kind IN (1, 2, 3) GROUP BY kind, credential_id) l
          ON e.kind = l.kind AND e.credential_id = l.credential_id AND e.at = l.last
        WHERE e.result = 'granted' AND e.direction = 'in'
        ORDER BY e.at
        """
    }
}

extension Core {
    /// Everyone whose last granted passage, through any door, was inwards. Only as fresh as the
    /// gates' last upload: a gate that is offline still holds its own list (`gate-check inside`).
    public func occupants(by actor: Actor) throws -> [SiteOccupant] {
        try read(actor, .viewOccupancy) { db in
            try Row.fetchAll(db, sql: SiteOccupant.query(events: "gate_event")).compactMap { row in
                guard let kind = CredentialKind(rawValue: row["kind"]) else { return nil }
                return SiteOccupant(
                    kind: kind, credentialId: row["credential_id"], holderName: row["holder_name"] ?? "?",
                    since: row["at"], gate: row["gate"])
            }
        }
    }
}
