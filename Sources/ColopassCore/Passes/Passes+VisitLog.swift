import Foundation
import GRDB

/// A visitor-log line with the client's name, as lists and exports show it.
public struct VisitLogView: Sendable, Codable, Equatable {
    public var entry: VisitLogEntry
    public var clientName: String
}

extension Passes {
    /// Writes one visitor-log line inside the change that caused it (that change is audited).
    func logVisit(_ entry: VisitLogEntry, in tx: Transaction) throws {
        try entry.insert(tx.db)
    }

    /// The gate reports that a temporary or emergency pass holder went in or out (R4). The door
    /// already decided; this records the fact, at the gate's own time (it may have been offline).
    @discardableResult
    public func recordVisit(
        passKind: CredentialKind, passId: Int64, direction: VisitDirection, at: Date, gate: String, by actor: Actor
    ) throws -> VisitLogEntry {
        let gate = try Validate.name(gate, field: "gate", max: 40)
        guard passKind == .temporaryPass || passKind == .emergencyPass else {
            throw CoreError.invalid(
                "pass_kind", zh: "只记录临时和紧急通行证", en: "only temporary and emergency passes are logged")
        }
        return try perform(actor, .operateGate, action: "visit.\(direction.rawValue)") { tx in
            try recordVisit(passKind: passKind, passId: passId, direction: direction, at: at, gate: gate, in: tx)
        }
    }

    /// The same inside a transaction already open, for the gate's event upload: one write, so
    /// an event and its log line commit together. The caller has checked the gate name.
    func recordVisit(
        passKind: CredentialKind, passId: Int64, direction: VisitDirection, at: Date, gate: String, in tx: Transaction
    ) throws -> VisitLogEntry {
        var entry: VisitLogEntry
        switch passKind {
        case .temporaryPass:
            entry = VisitLogEntry(
                direction.event, pass: try Self.passById(TemporaryPassKind.self, passId, tx.db), at: at, gate: gate,
                by: tx.actor.name)
        case .emergencyPass:
            entry = VisitLogEntry(
                direction.event, pass: try Self.passById(EmergencyPassKind.self, passId, tx.db), at: at, gate: gate,
                by: tx.actor.name)
        case .accessCard, .exitSlip:
            throw CoreError.invalid(
                "pass_kind", zh: "只记录临时和紧急通行证", en: "only temporary and emergency passes are logged")
        }
        try logVisit(entry, in: tx)
        let id = tx.db.lastInsertedRowID
        entry.id = id
        try tx.audit("visit.\(direction.rawValue)", "visit_log", key: String(id), after: entry, clause: .R4)
        return entry
    }

    /// The log between two site days (both included), oldest first, optionally for one client.
    public func visitorLog(from: Day, to: Day, clientId: Int64? = nil, by actor: Actor) throws -> [VisitLogView] {
        guard from <= to else {
            throw CoreError.invalid("to", zh: "结束日期早于开始日期", en: "the last day is before the first")
        }
        return try read(actor, .viewVisitorLog) { db in
            try Self.visitLog(from: from, to: to, clientId: clientId, db, policy)
        }
    }

    /// R4: deletes the log lines older than the retention, never a younger one, and audits how
    /// many went. Lines exactly at the limit stay: "at least N days" includes the N-th.
    public func purgeVisitorLog(by actor: Actor) throws -> Int {
        try perform(actor, .viewVisitorLog, action: "visitor_log.purge") { tx in
            let days = policy.parameters.visitorLogRetentionDays
            let cutoff = tx.now.addingTimeInterval(-TimeInterval(days) * 86_400)
            try tx.db.execute(sql: "DELETE FROM visit_log WHERE at < ?", arguments: [cutoff])
            let deleted = tx.db.changesCount
            try tx.audit(
                "visitor_log.purge", "visit_log", key: AuditLog.timestamp(cutoff),
                after: PurgeImage(retentionDays: days, olderThan: cutoff, deleted: deleted), clause: .R4)
            return deleted
        }
    }

    static func visitLog(from: Day, to: Day, clientId: Int64?, _ db: Database, _ policy: Policy) throws
        -> [VisitLogView]
    {
        let zone = policy.site.timeZone
        var request = VisitLogEntry.filter(VisitLogEntry.Columns.at >= from.start(in: zone) && VisitLogEntry.Columns.at < to.end(in: zone))
        if let clientId { request = request.filter(VisitLogEntry.Columns.clientId == clientId) }
        var names: [Int64: String] = [:]
        return try request.order(VisitLogEntry.Columns.at, VisitLogEntry.Columns.id).fetchAll(db).map { entry in
            if names[entry.clientId] == nil { names[entry.clientId] = try Registry.fetchClient(entry.clientId, db).name }
            return VisitLogView(entry: entry, clientName: names[entry.clientId]!)
        }
    }

    static func passById<Kind: PassKind>(_ kind: Kind.Type, _ id: Int64, _ db: Database) throws -> EntryPass<Kind> {
        guard let pass = try EntryPass<Kind>.fetchOne(db, key: id) else {
            throw CoreError.notFound(entity: Kind.credentialKind.title.en, key: String(id))
        }
        return pass
    }
}

private struct PurgeImage: Encodable {
    var retentionDays: Int
    var olderThan: Date
    var deleted: Int
}
