import Foundation
import GRDB

/// A consistent copy of a running site and its way back: the database through SQLite's online
/// backup (one read transaction's view, while writers go on), then the documents it refers to,
/// the audit checkpoints and, only when asked, the private signing keys.
public struct SiteBackup: SiteArea {
    public let site: Site
    let audit: AuditTrail

    /// Copies the site into `directory` (new or empty). The backup is audited first, so the copy
    /// carries the record of its own making.
    public func take(to directory: String, withKeys: Bool, by actor: Actor) throws -> BackupSummary {
        try Self.requireEmpty(directory, field: "out")
        let signer = try perform(actor, .manageKeys, action: "backup.take") { tx in
            try tx.audit(
                "backup.take", "backup", key: (directory as NSString).lastPathComponent,
                after: ["with_keys": withKeys ? "yes" : "no"], clause: .R4)
            // The manifest is signed: a site's first key may be made here, audited as anywhere.
            let created = try SigningKey.fetchCount(tx.db) == 0
            let (id, key) = try keyring.activeKey(in: tx.db, now: tx.now)
            if created { try tx.audit("key.create", "signing_key", key: String(id), after: try SigningKey.fetchOne(tx.db, key: id)) }
            return (id: id, key: key)
        }
        // The head with the backup's own record, signed before anything is copied: the copy's
        // checkpoints then vouch for the chain it carries.
        _ = try audit.signCheckpoint()
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var files: [BackupManifest.File] = []
        // The checkpoints before the database: every checkpoint copied is then no newer than the
        // copied chain, which a restore checks against them.
        let checkpoints = "audit/checkpoints.jsonl"
        if manager.fileExists(atPath: path(dataDirectory, checkpoints)) {
            files.append(try copy(checkpoints, from: dataDirectory, to: directory, secret: false))
        }
        let database = path(directory, Core.databaseFileName)
        try store.pool.backup(to: try DatabaseQueue(path: database))
        let head = try DatabaseQueue(path: database).read { db in
            try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
        }
        files.append(try describe(Core.databaseFileName, in: directory, secret: false))
        // Documents are written before the row that names them commits, and never change: those
        // the copied database refers to are all there by now.
        for relative in try listFiles(under: "documents", in: dataDirectory) {
            files.append(try copy(relative, from: dataDirectory, to: directory, secret: false))
        }
        if withKeys {
            for relative in try listFiles(under: "keys", in: dataDirectory) where relative.hasSuffix(".key") {
                files.append(try copy(relative, from: dataDirectory, to: directory, secret: true))
            }
        }
        let manifest = BackupManifest(
            format: BackupManifest.currentFormat, site: policy.site.code, takenAt: AuditLog.timestamp(clock.now()),
            auditSeq: head?["seq"] ?? 0, auditHash: head?["hash"] ?? AuditRecord.genesisHash, withKeys: withKeys,
            files: files)
        let manifestBytes = manifest.json
        try write(manifestBytes, to: path(directory, BackupManifest.fileName), secret: false)
        let signature = BackupSignature(
            keyId: signer.id, signature: try signer.key.signature(for: BackupSignature.signedBytes(manifestBytes)).hexString)
        try write(signature.json, to: path(directory, BackupSignature.fileName), secret: false)
        return BackupSummary(
            directory: directory, files: files.count, bytes: files.reduce(0) { $0 + $1.size },
            auditSeq: manifest.auditSeq, withKeys: withKeys, signedBy: signer.id)
    }

    // MARK: - Files

    func path(_ base: String, _ relative: String) -> String { (base as NSString).appendingPathComponent(relative) }

    private func copy(_ relative: String, from source: String, to target: String, secret: Bool) throws
        -> BackupManifest.File
    {
        guard let data = FileManager.default.contents(atPath: path(source, relative)) else {
            throw CoreError.invalid("out", zh: "无法读取 \(relative)", en: "cannot read \(relative)")
        }
        try write(data, to: path(target, relative), secret: secret)
        return BackupManifest.File(
            path: relative, sha256: SHA256.hex(Array(data)), size: data.count, secret: secret)
    }

    private func describe(_ relative: String, in directory: String, secret: Bool) throws -> BackupManifest.File {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(directory, relative)))
        return BackupManifest.File(path: relative, sha256: SHA256.hex(Array(data)), size: data.count, secret: secret)
    }

    /// A key is 0600 from its first byte.
    func write(_ data: Data, to file: String, secret: Bool) throws {
        try Self.writeFile(data, to: file, secret: secret)
    }

    func listFiles(under folder: String, in base: String) throws -> [String] {
        let root = path(base, folder)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let item = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path(root, item), isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path(folder, item))
            }
        }
        return found.sorted()
    }

    static func requireEmpty(_ directory: String, field: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue, (try manager.contentsOfDirectory(atPath: directory)).isEmpty else {
            throw CoreError.invalid(
                field, zh: "目标 \(directory) 已存在且不为空", en: "the target \(directory) exists and is not empty")
        }
    }
}
