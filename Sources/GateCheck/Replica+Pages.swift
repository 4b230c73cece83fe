import Foundation
import GateKernel
import GRDB

/// A snapshot taken page by page. Each page is applied in its own transaction together with how
/// far the snapshot has come, so a gate stopped half-way (killed, power cut, network gone) starts
/// again at the next page, not at the first. The cursor and the data's age move only with the
/// last page: until then the gate still reads as of its previous snapshot.
public struct SnapshotProgress: Sendable, Equatable {
    public var since: Int64
    public var through: Int64
    public var next: GateSnapshot.Position
}

extension Replica {
    public func applyPage(_ page: GateSnapshot, receivedAt: Date) throws {
        try pool.write { db in
            try Self.store(page, db)
            if let next = page.next {
                try Self.setMeta("snapshot_since", String(page.since), db)
                try Self.setMeta("snapshot_through", String(page.cursor), db)
                try Self.setMeta("snapshot_next", "\(next.kind.rawValue):\(next.credentialId)", db)
            } else {
                try db.execute(sql: "DELETE FROM meta WHERE key IN ('snapshot_since', 'snapshot_through', 'snapshot_next')")
                try Self.setMeta("cursor", String(page.cursor), db)
                try Self.keep(page.auditCheckpoint, db)
                try Self.setMeta("last_sync", String(receivedAt.timeIntervalSince1970), db)
            }
        }
    }

    /// A snapshot begun and not finished, if any.
    public func snapshotProgress() throws -> SnapshotProgress? {
        try pool.read { db in
            let values = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT key, value FROM meta WHERE key LIKE 'snapshot_%'"
                ).map { ($0["key"] as String, $0["value"] as String) })
            guard let since = values["snapshot_since"].flatMap({ Int64($0) }),
                let through = values["snapshot_through"].flatMap({ Int64($0) }),
                let next = values["snapshot_next"]?.split(separator: ":"), next.count == 2,
                let kind = UInt8(next[0]).flatMap(CredentialKind.init(rawValue:)), let id = UInt32(next[1])
            else { return nil }
            return SnapshotProgress(since: since, through: through, next: .init(kind: kind, credentialId: id))
        }
    }

    /// The live link's own notes: when the service last answered, and what went wrong last.
    public func noteContact(at date: Date, error: String?) throws {
        try pool.write { db in try Self.noteContact(at: date, error: error, db) }
    }

    static func noteContact(at date: Date, error: String?, _ db: Database) throws {
        if error == nil { try setMeta("last_contact", String(date.timeIntervalSince1970), db) }
        try setMeta("link_error", error ?? "", db)
    }

    public func link() throws -> (lastContact: Date?, error: String?) {
        try pool.read { db in
            let contact = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'last_contact'")
            let error = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'link_error'")
            return (contact.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }, error?.isEmpty == false ? error : nil)
        }
    }
}
