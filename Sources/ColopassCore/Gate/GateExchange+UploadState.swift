import Foundation
import GRDB

/// What the service has heard from one gate: when its events last arrived and how many today.
/// A gate uploads as it scans, so a quiet gate is not necessarily a broken one; the gate's own
/// `gate-check status` tells its lag. The guard's page shows both facts side by side.
public struct GateUploadState: Sendable, Codable, Equatable {
    public var gate: String
    public var lastReceivedAt: Date
    public var lastEventAt: Date
    public var eventsToday: Int
}

extension GateExchange {
    public func gateUploads(by actor: Actor) throws -> [GateUploadState] {
        let start = today.start(in: policy.site.timeZone)
        return try read(actor, .viewOccupancy) { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT gate, MAX(received_at) AS received, MAX(at) AS last_at,
                           SUM(CASE WHEN at >= ? THEN 1 ELSE 0 END) AS today
                    FROM gate_event GROUP BY gate ORDER BY gate
                    """, arguments: [start]
            ).map {
                GateUploadState(gate: $0["gate"], lastReceivedAt: $0["received"], lastEventAt: $0["last_at"], eventsToday: $0["today"])
            }
        }
    }
}
