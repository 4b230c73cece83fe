import ColopassCore
import Foundation
import Synchronization
import GRDB

/// The audit's and the backup's cost: `audit verify` over 1,000,000 records, next to hashing the
/// same records in memory (the walk's floor); and card look-ups through `colopass serve` while
/// `colopass backup` copies a site of 100,000 cards and 1,000,000 gate events, next to the same
/// look-ups without a backup.
enum IntegrityBench {
    static let auditRecords = 1_000_000
    static let gateEvents = 1_000_000
    static let seconds = 10

    static func run() throws {
        print("\n== Integrity: audit verify over \(auditRecords) records; card look-ups during a backup ==")
        try auditVerify()
        try lookUpsDuringBackup()
    }

    // MARK: - audit verify

    static func auditVerify() throws {
        let directory = NSTemporaryDirectory() + "colopass-integrity-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let core = try Core(dataDirectory: directory, policy: try Policy.load(contentsOf: "policies/site.yaml"))
        _ = try core.accounts.initialiseSite(adminName: "admin")
        let admin = try core.accounts.actor(named: "admin")
        var hashOnly = 0.0
        let seeded = try Measure.milliseconds {
            try core.store.pool.write { db in
                var last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")
                    .map { (Int64($0["seq"] as Int64), $0["hash"] as String) } ?? (0, AuditRecord.genesisHash)
                let insert = try db.makeStatement(
                    sql: """
                        INSERT INTO audit_record (seq, at, actor, action, entity, entity_key, "before", "after", clause, outcome, prev_hash, hash)
                        VALUES (?, ?, 'kefu', 'card.issue', 'card', ?, NULL, ?, 'C1', 'done', ?, ?)
                        """)
                let started = DispatchTime.now().uptimeNanoseconds
                var hashing: UInt64 = 0
                for index in 1...auditRecords {
                    let seq = last.0 + 1
                    let key = "DC1-\(String(format: "%06d", index))-A"
                    let after = #"{"number":"\#(key)","status":"active"}"#
                    let at = "2026-12-02T10:00:00.000Z"
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    let hash = AuditRecord.chainHash(
                        seq: seq, at: at, actor: "kefu", action: "card.issue", entity: "card", entityKey: key,
                        before: nil, after: after, clause: "C1", outcome: "done", prevHash: last.1, credential: nil)
                    hashing += DispatchTime.now().uptimeNanoseconds - t0
                    try insert.execute(arguments: [seq, at, key, after, last.1, hash])
                    last = (seq, hash)
                }
                _ = started
                hashOnly = Double(hashing) / 1e6
            }
        }
        var result: AuditTrail.Verification!
        let verify = try Measure.milliseconds { result = try core.audit.verifyAudit(by: admin, sign: false) }
        guard result.intact, result.checked >= auditRecords else {
            throw BenchFailure("audit verify found \(String(describing: result.firstBreak)) after \(result.checked)")
        }
        print("seeded \(auditRecords) chained records in \(Measure.format(seeded / 1000)) s")
        print(
            "audit verify, \(result.checked) records: \(Measure.format(verify / 1000, 2)) s (\(Measure.format(Double(result.checked) / verify * 1000 / 1000, 0))k records/s); "
                + "hashing the same records in memory: \(Measure.format(hashOnly / 1000, 2)) s; verify ÷ hashing = \(Measure.format(verify / hashOnly, 2))×"
        )
    }

    // MARK: - look-ups during a backup

    static func lookUpsDuringBackup() throws {
        let directory = NSTemporaryDirectory() + "colopass-backup-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let site = try ServerBenchSeed.make(directory: directory)
        try site.core.store.pool.write { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO gate_event (id, gate, direction, at, kind, credential_id, generation, result, reason, clause, confirmed, holder_name, received_at, received_from)
                    VALUES (?, 'A', ?, ?, 1, ?, 1, 'granted', NULL, NULL, 0, NULL, ?, 'bench')
                    """)
            let start = Date().addingTimeInterval(-86_400 * 30)
            for index in 0..<gateEvents {
                let at = start.addingTimeInterval(Double(index) * 2.5)
                try insert.execute(arguments: [
                    UUID().uuidString, index % 2 == 0 ? "in" : "out", at, index % ServerBenchSeed.cards + 1, at,
                ])
            }
        }
        let admin = try site.core.accounts.actor(named: "admin")
        let backupToken = try site.core.accounts.issueToken(.api, for: "admin", label: "bench backup", by: admin).token
        let databaseBytes = (try? FileManager.default.attributesOfItem(atPath: site.core.store.path)[.size] as? Int) ?? 0
        print("site: \(ServerBenchSeed.cards) cards, \(gateEvents) gate events, database \(databaseBytes / 1_048_576) MiB")

        let server = try ServerProcess(
            dataDirectory: directory + "/data", policyPath: site.policyPath, logPath: directory + "/serve.log")
        defer { server.stop() }
        try server.waitUntilHealthy()
        let paths = site.cardNumbers.map { "/api/cards/\($0)" }
        func lookUps() throws -> WrkRun {
            try WrkRun.run(
                port: server.port, path: "/api/cards/", paths: paths, token: site.apiToken, threads: 2,
                connections: 32, seconds: seconds, timeoutSeconds: 2, scratch: directory)
        }
        let quiet = try lookUps()

        // Backups one after another for as long as wrk loads the look-ups.
        let binary = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("colopass").path
        let done = DispatchSemaphore(value: 0)
        let stop = Mutex(false)
        let times = Mutex<[Double]>([])
        Thread {
            var run = 0
            while !stop.withLock({ $0 }) {
                run += 1
                let out = directory + "/backup-\(run)"
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["backup", "--out", out, "--data-dir", directory + "/data", "--policy", site.policyPath]
                process.environment = ["COLOPASS_TOKEN": backupToken]
                process.standardOutput = FileHandle.nullDevice
                let started = DispatchTime.now().uptimeNanoseconds
                try? process.run()
                process.waitUntilExit()
                times.withLock { $0.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) }
                try? FileManager.default.removeItem(atPath: out)
            }
            done.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.2)
        let busy = try lookUps()
        stop.withLock { $0 = true }
        done.wait()
        let backups = times.withLock { $0 }
        print("| card look-up (random of 100k, -c32, \(seconds) s) | req/s | p50 ms | p99 ms |")
        print("| --- | ---: | ---: | ---: |")
        print("| without a backup | \(Measure.format(quiet.requestsPerSecond, 0)) | \(Measure.format(quiet.p50Milliseconds, 2)) | \(Measure.format(quiet.p99Milliseconds, 2)) |")
        print("| while `colopass backup` runs | \(Measure.format(busy.requestsPerSecond, 0)) | \(Measure.format(busy.p50Milliseconds, 2)) | \(Measure.format(busy.p99Milliseconds, 2)) |")
        print(
            "p99 during ÷ without = \(Measure.format(busy.p99Milliseconds / quiet.p99Milliseconds, 2))×; "
                + "\(backups.count) backup(s) during the run, each \(backups.map { Measure.format($0 / 1000, 1) }.joined(separator: ", ")) s")
    }
}
