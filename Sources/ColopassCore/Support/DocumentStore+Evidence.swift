import Foundation
import GRDB

/// A stored document opened at the desk (a letter, a scan, an ID copy, a photo): its bytes and
/// type. Every opening is audited as `document.view`, naming the record it belongs to.
public struct Evidence: Sendable {
    public var bytes: [UInt8]
    public var mediaType: String
    public var sha256: String
}

extension SiteArea {
    /// `find` reads, in the audited transaction, which document the record names and whose it is:
    /// a client user opens their own client's only (R3); a record without one is "not found".
    func showDocument(
        _ what: String, entity: String, key: String, permission: Permission, by actor: Actor,
        _ find: (Database) throws -> (sha256: String?, clientId: Int64)
    ) throws -> Evidence {
        let (sha, type) = try perform(actor, permission, action: "document.view") { tx -> (String, String) in
            let (found, clientId) = try find(tx.db)
            try tx.requireOwnClient(clientId)
            guard let sha = found,
                let type = try String.fetchOne(tx.db, sql: "SELECT media_type FROM document WHERE sha256 = ?", arguments: [sha])
            else { throw CoreError.notFound(entity: "\(entity) \(what)", key: key) }
            try tx.audit("document.view", entity, key: key, after: ["document": what, "sha256": sha])
            return (sha, type)
        }
        guard let data = FileManager.default.contents(atPath: documents.path(of: sha)), SHA256.hex(Array(data)) == sha else {
            throw CoreError.notFound(entity: "\(entity) \(what)", key: key)
        }
        return Evidence(bytes: Array(data), mediaType: type, sha256: sha)
    }
}
