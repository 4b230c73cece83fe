import Foundation
import GRDB

/// An emergency as the review list shows it: the entry, the client, the passes (IDs masked).
public struct EmergencyView: Sendable, Codable, Equatable {
    public var entry: EmergencyEntry
    public var clientName: String
    public var awaitingReview: Bool
    public var passes: [PassView<EmergencyPassKind>]
}

extension Passes {
    /// Emergencies, newest first; `awaitingReview` gives the supervisors' review list (C6).
    public func emergencies(
        awaitingReview: Bool = false, clientId: Int64? = nil, by actor: Actor
    ) throws -> [EmergencyView] {
        try read(actor, .viewRegistry) { db in
            var request = EmergencyEntry.order(EmergencyEntry.Columns.id.desc)
            if awaitingReview { request = request.filter(EmergencyEntry.Columns.reviewedAt == nil) }
            if let clientId { request = request.filter(EmergencyEntry.Columns.clientId == clientId) }
            if actor.role == .clientUser { request = request.filter(EmergencyEntry.Columns.clientId == actor.clientId) }
            let now = clock.now()
            return try request.fetchAll(db).map { try self.emergencyView($0, db, at: now) }
        }
    }

    public func emergency(_ id: Int64, by actor: Actor) throws -> EmergencyView {
        let view = try read(actor, .viewRegistry) { db in
            try self.emergencyView(try Self.fetchEmergency(id, db), db, at: clock.now())
        }
        try requireOwnClient(actor, view.entry.clientId)
        return view
    }

    func emergencyView(_ entry: EmergencyEntry, _ db: Database, at now: Date) throws -> EmergencyView {
        EmergencyView(
            entry: entry, clientName: try Registry.fetchClient(entry.clientId, db).name, awaitingReview: entry.awaitsReview,
            passes: try Self.passes(EmergencyPassKind.self, of: entry.id, db).map { PassView($0, at: now) })
    }

    static func fetchEmergency(_ id: Int64, _ db: Database) throws -> EmergencyEntry {
        guard let entry = try EmergencyEntry.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: "emergency", key: String(id))
        }
        return entry
    }
}
