import Foundation
import GRDB

extension SiteBackup {
    /// Restores a backup folder into a new data directory: every file must match the manifest
    /// (name, size, SHA-256) before anything is copied, the copied database's audit chain must
    /// verify against the checkpoints that came with it and end where the manifest says, and the
    /// target must be new or empty, and the manifest must carry the site key's signature: checked
    /// against `publicKeys` when the operator gives them (the file `colopass keys export-public`
    /// wrote, as every gate holds it), else against the key the copied database names. On any
    /// failure nothing is left in the target.
    public static func restore(
        from backup: String, into target: String, policy: Policy, publicKeys: PublicKeyExport? = nil
    ) throws -> BackupSummary {
        try requireEmpty(target, field: "data-dir")
        let (manifest, manifestBytes) = try checkedManifest(backup, policy: policy)
        let manager = FileManager.default
        let existed = manager.fileExists(atPath: target)
        do {
            try manager.createDirectory(
                atPath: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for file in manifest.files {
                let data = try Data(contentsOf: URL(fileURLWithPath: join(backup, file.path)))
                // Checked again as copied: the folder may be changing under us.
                guard SHA256.hex(Array(data)) == file.sha256 else { throw mismatch(file.path, policy) }
                try writeFile(data, to: join(target, file.path), secret: file.secret)
            }
            let core = try Core(dataDirectory: target, policy: policy)
            let verification = try core.audit.verifyAudit(by: .system, sign: false)
            if let broken = verification.firstBreak {
                throw policy.refusal(
                    R4.chain, zh: "备份中的审计链在第 \(broken.seq) 条断裂：\(broken.reason)",
                    en: "the backup's audit chain breaks at record \(broken.seq): \(broken.reason)")
            }
            if let rejected = verification.rejectedCheckpoints.first {
                throw policy.refusal(
                    R4.chain, zh: "备份中的审计检查点不可信：\(rejected)", en: "a checkpoint in the backup is not trusted: \(rejected)")
            }
            let head = try core.store.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
            }
            guard (head?["seq"] ?? 0) == manifest.auditSeq,
                (head?["hash"] ?? AuditRecord.genesisHash) == manifest.auditHash
            else {
                throw policy.refusal(
                    R4.backup, zh: "数据库的审计链末端与清单不符", en: "the database's audit head is not the one the manifest names")
            }
            let signer = try checkSignature(backup, manifestBytes, core: core, publicKeys: publicKeys, policy: policy)
            return BackupSummary(
                directory: target, files: manifest.files.count, bytes: manifest.files.reduce(0) { $0 + $1.size },
                auditSeq: manifest.auditSeq, withKeys: manifest.withKeys, signedBy: signer, keyFromFile: publicKeys != nil)
        } catch {
            if existed {
                for item in (try? manager.contentsOfDirectory(atPath: target)) ?? [] {
                    try? manager.removeItem(atPath: join(target, item))
                }
            } else {
                try? manager.removeItem(atPath: target)
            }
            throw error
        }
    }

    /// The site key that signed the manifest's exact bytes; a missing or wrong signature, or a key
    /// the operator's key file does not hold, is refused `R4.backup`.
    static func checkSignature(
        _ backup: String, _ manifestBytes: Data, core: Core, publicKeys: PublicKeyExport?, policy: Policy
    ) throws -> Int64 {
        guard let data = FileManager.default.contents(atPath: join(backup, BackupSignature.fileName)),
            let signature = BackupSignature.read(data), let raw = [UInt8](hex: signature.signature)
        else {
            throw policy.refusal(R4.backup, zh: "备份清单没有站点签名", en: "the backup manifest carries no site signature")
        }
        let key: Ed25519PublicKey?
        if let publicKeys {
            guard publicKeys.site == policy.site.code else {
                throw policy.refusal(
                    R4.backup, zh: "公钥文件属于站点 \(publicKeys.site)", en: "the public-key file is of site \(publicKeys.site)")
            }
            key = publicKeys.keys.first { $0.id == signature.keyId }
                .flatMap { [UInt8](hex: $0.publicKey) }.flatMap { try? Ed25519PublicKey(rawRepresentation: $0) }
        } else {
            key = try core.store.pool.read { db in try core.backup.keyring.publicKey(signature.keyId, in: db) }
        }
        guard let key, key.isValidSignature(raw, for: BackupSignature.signedBytes(manifestBytes)) else {
            throw policy.refusal(
                R4.backup, zh: "备份清单的签名无效（密钥 \(signature.keyId)）：清单或文件在备份后被改动",
                en: "the backup manifest's signature (key \(signature.keyId)) does not verify: the manifest or its files changed after the backup")
        }
        return signature.keyId
    }

    /// The manifest (and its exact bytes, which are signed), once every file it names is there with
    /// its size and hash, and no file outside it but the manifest and its signature.
    static func checkedManifest(_ backup: String, policy: Policy) throws -> (BackupManifest, Data) {
        guard let data = FileManager.default.contents(atPath: join(backup, BackupManifest.fileName)),
            let manifest = BackupManifest.read(data)
        else {
            throw policy.refusal(
                R4.backup, zh: "\(backup) 中没有可读的备份清单", en: "no readable backup manifest in \(backup)")
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw policy.refusal(
                R4.backup, zh: "备份清单格式 \(manifest.format) 不受支持", en: "backup format \(manifest.format) is not supported")
        }
        guard manifest.site == policy.site.code else {
            throw policy.refusal(
                R4.backup, zh: "备份属于站点 \(manifest.site)", en: "the backup is of site \(manifest.site)")
        }
        var named: Set<String> = [BackupManifest.fileName, BackupSignature.fileName]
        for file in manifest.files {
            let parts = file.path.split(separator: "/")
            guard !file.path.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
                throw policy.refusal(
                    R4.backup, zh: "清单中的路径无效：\(file.path)", en: "a path in the manifest is not allowed: \(file.path)")
            }
            guard let bytes = FileManager.default.contents(atPath: join(backup, file.path)),
                bytes.count == file.size, SHA256.hex(Array(bytes)) == file.sha256
            else { throw mismatch(file.path, policy) }
            named.insert(file.path)
        }
        if !named.contains(Core.databaseFileName) {
            throw policy.refusal(R4.backup, zh: "备份中没有数据库", en: "the backup holds no database")
        }
        if let walker = FileManager.default.enumerator(atPath: backup) {
            while let item = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: join(backup, item), isDirectory: &isDirectory)
                if !isDirectory.boolValue, !named.contains(item) {
                    throw policy.refusal(
                        R4.backup, zh: "备份中有清单未列出的文件：\(item)", en: "the backup holds a file its manifest does not name: \(item)")
                }
            }
        }
        return (manifest, data)
    }

    static func mismatch(_ path: String, _ policy: Policy) -> CoreError {
        policy.refusal(
            R4.backup, zh: "文件 \(path) 与备份清单不符（缺失或已改动）",
            en: "the file \(path) does not match the backup manifest (missing or changed)")
    }

    static func join(_ base: String, _ relative: String) -> String { (base as NSString).appendingPathComponent(relative) }

    static func writeFile(_ data: Data, to file: String, secret: Bool) throws {
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard manager.createFile(atPath: file, contents: data, attributes: [.posixPermissions: secret ? 0o600 : 0o644])
        else { throw CoreError.invalid("data-dir", zh: "无法写入 \(file)", en: "cannot write \(file)") }
    }
}
