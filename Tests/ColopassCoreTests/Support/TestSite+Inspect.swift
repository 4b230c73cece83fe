import Foundation
import GRDB
import Testing

@testable import ColopassCore

/// Looking inside a test site's database and data directory, straight through SQLite, so tests
/// can prove what a call did (or did not) change without trusting the core's own read paths.
extension TestSite {
    /// Rows in `table`.
    func count(_ table: String) throws -> Int {
        try core.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// Every audit record, oldest first, exactly as stored.
    func auditTrail() throws -> [AuditRecord] {
        try core.store.pool.read { db in try AuditRecord.order(Column("seq")).fetchAll(db) }
    }

    /// The newest audit record.
    func lastAudit() throws -> AuditRecord {
        try #require(try auditTrail().last)
    }

    /// Audit records written after `seq`.
    func audit(after seq: Int64) throws -> [AuditRecord] {
        try auditTrail().filter { $0.seq > seq }
    }

    /// The sequence number of the newest audit record (0 for an empty log).
    func lastSeq() throws -> Int64 { try auditTrail().last?.seq ?? 0 }

    /// Files under the data directory's `documents` folder.
    func storedFiles() -> [String] {
        let root = core.documents.root
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    /// Everything a change can touch: the row count of every registry table, the audit log and
    /// the stored files. Two equal snapshots mean nothing was changed.
    struct Snapshot: Equatable, CustomStringConvertible {
        var rows: [String: Int]
        var files: [String]
        var description: String { "rows \(rows.sorted { $0.key < $1.key }), files \(files)" }
    }

    func snapshot() throws -> Snapshot {
        var rows: [String: Int] = [:]
        for table in ["client", "client_contact", "contract", "person", "document", "account", "audit_record"] {
            rows[table] = try count(table)
        }
        return Snapshot(rows: rows, files: storedFiles())
    }

    /// A scratch file for this test, inside the site's directory (removed with it).
    func scratchFile(_ name: String, bytes: [UInt8]) throws -> String {
        let folder = directory + "/scratch"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The refusal inside a `CoreError`, or a recorded issue when the error is anything else.
func refusal(_ error: CoreError?) -> Refusal? {
    guard case .refused(let refusal)? = error else {
        Issue.record("expected a refusal, got \(String(describing: error))")
        return nil
    }
    return refusal
}

/// The field of an `invalidInput` error, or a recorded issue when the error is anything else.
func invalidField(_ error: CoreError?) -> String? {
    guard case .invalidInput(let field, _)? = error else {
        Issue.record("expected invalid input, got \(String(describing: error))")
        return nil
    }
    return field
}

/// Runs `body`, which must throw a `CoreError`, and returns that error.
func coreError<T>(_ body: () throws -> T) -> CoreError? {
    do {
        let value = try body()
        Issue.record("expected a CoreError, but the call returned \(value)")
        return nil
    } catch let error as CoreError {
        return error
    } catch {
        Issue.record("expected a CoreError, got \(error)")
        return nil
    }
}

/// The `CoreError` `body` throws, or nil when it returns.
func coreErrorOrNil(_ body: () throws -> Void) -> CoreError? {
    do {
        try body()
        return nil
    } catch let error as CoreError {
        return error
    } catch {
        Issue.record("expected a CoreError, got \(error)")
        return nil
    }
}
