import ColopassCore
import Foundation
import GRDB
import GateCheck

/// gate-check's decision speed on a full-size replica: 100,000 cards and 1,000,000 past events.
enum GateBench {
    static let cards = 100_000
    static let pastEvents = 1_000_000
    static let decisions = 20_000

    static func run() throws {
        print("\n== gate-check: \(cards) cards, \(pastEvents) past events ==")
        let directory = NSTemporaryDirectory() + "colopass-gate-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let replica = try Replica(directory: directory)
        let key = Ed25519PrivateKey.generate()
        let now = Date()
        let texts = try populate(replica, key: key, now: now)

        let desk = try GateDesk(replica: replica, gate: "BENCH", direction: .in, clock: Clock { now })
        // OpenSSL is measured before and after our loops and averaged: on a shared machine the
        // load changes during a run, and the ratio should compare like with like.
        let opensslBefore = OpenSSLSpeed.ed25519(seconds: 3)
        var withWrite: [Double] = []
        var withoutWrite: [Double] = []
        let started = DispatchTime.now().uptimeNanoseconds
        for index in 0..<decisions {
            let text = texts[(index &* 7919) % texts.count]
            withWrite.append(try Measure.milliseconds { _ = try desk.decide(text) })
        }
        let writeSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let readStarted = DispatchTime.now().uptimeNanoseconds
        for index in 0..<decisions {
            let text = texts[(index &* 104_729) % texts.count]
            withoutWrite.append(try Measure.milliseconds { _ = try desk.decide(text, record: false) })
        }
        let readSeconds = Double(DispatchTime.now().uptimeNanoseconds - readStarted) / 1e9
        let opensslAfter = OpenSSLSpeed.ed25519(seconds: 3)
        let openssl = opensslBefore.flatMap { before in
            opensslAfter.map { (sign: (before.sign + $0.sign) / 2, verify: (before.verify + $0.verify) / 2) }
        }

        func line(_ name: String, _ times: [Double], _ seconds: Double) {
            print("\(name): \(Measure.format(Double(times.count) / seconds, 0)) decisions/s, p50 \(Measure.format(Measure.percentile(times, 0.5), 3)) ms, p99 \(Measure.format(Measure.percentile(times, 0.99), 3)) ms")
        }
        line("verify + durable event write (WAL, synchronous=FULL)", withWrite, writeSeconds)
        line("verify only (no write)", withoutWrite, readSeconds)
        if let openssl {
            let ratio = (Double(withoutWrite.count) / readSeconds) / openssl.verify
            print("openssl speed ed25519 verify: \(Measure.format(openssl.verify, 0))/s (mean of a run before and after) — verify-only is \(Measure.format(ratio, 2)) of it (aim ≥ 0.70)")
        }
        print("p99 with write: \(Measure.format(Measure.percentile(withWrite, 0.99), 3)) ms (aim < 1 ms)")
        let size = try FileManager.default.contentsOfDirectory(atPath: directory).reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0)
        }
        print("replica size on disk: \(Measure.format(Double(size) / 1_048_576, 1)) MiB")
        try peakMemoryOfGateCheck(directory: directory, text: texts[0])
    }

    /// Fills the replica as a sync would: entries and trusted key, then a year of events.
    private static func populate(_ replica: Replica, key: Ed25519PrivateKey, now: Date) throws -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(cards)
        let from = now.addingTimeInterval(-86_400)
        let until = now.addingTimeInterval(86_400 * 300)
        try replica.pool.write { db in
            try db.execute(
                sql: "INSERT INTO trusted_key (id, public_key, status) VALUES (1, ?, 'active')",
                arguments: [key.publicKey.rawRepresentation.hexString])
            for id in 1...cards {
                let credential = Credential(
                    kind: .accessCard, keyId: 1, credentialId: UInt32(id), generation: 1, site: "DC1", validFrom: from,
                    validUntil: until)
                texts.append(try SignedCredential.sign(credential, with: key).text)
                let entry = GateEntry(
                    kind: .accessCard, credentialId: UInt32(id), generation: 1, state: .active, holderActive: true,
                    contractStatus: .active, contractStartsOn: Day(from, in: .current),
                    contractEndsOn: Day(until, in: .current), validFrom: from, validUntil: until,
                    holderName: "员工\(id)", company: "客户\(id % 5000)", maskedID: "**************\(String(format: "%04d", id % 10000))",
                    photo: nil, escortRequired: false, details: ["DC1-\(String(format: "%06d", id))"])
                try Replica.storeForBenchmark(entry, db)
            }
            let rules = GateSnapshot.Rules(
                site: "DC1", timeZone: "Asia/Shanghai", antiPassback: .warn, staleReplicaMode: .failSecure,
                maxAgeMinutes: 60, escortRequired: true)
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('rules', ?), ('cursor', '1'), ('last_sync', ?)",
                arguments: [String(decoding: try JSONEncoder().encode(rules), as: UTF8.self), String(now.timeIntervalSince1970)])
            // Through the kernel's one event row, as the door writes it; all of them already uploaded.
            let statement = try db.makeStatement(sql: GateEventRow.insert(into: "event", extra: ["uploaded"]))
            let start = now.addingTimeInterval(-86_400 * 365)
            for index in 0..<pastEvents {
                let event = GateEvent(
                    id: "past-\(index)", gate: "G1", direction: index % 2 == 0 ? .in : .out,
                    at: start.addingTimeInterval(Double(index) * 31.5), kind: .accessCard,
                    credentialId: UInt32((index / 2) % cards + 1), generation: 1, result: .granted, reason: nil,
                    clause: nil, confirmed: false, holderName: nil)
                try statement.execute(arguments: GateEventRow.arguments(event) + [true])
            }
        }
        return texts
    }

    /// Runs the real `gate-check verify` on the full replica and reads its peak resident memory.
    ///
    /// Through `/usr/bin/time`, which forks it and reads its own rusage: Linux charges a spawned
    /// child with the high-water mark of the process it was spawned from (the bench, with 100k
    /// credentials and the replica's mapped pages), so the bench's RUSAGE_CHILDREN would report
    /// the bench, not gate-check.
    private static func peakMemoryOfGateCheck(directory: String, text: String) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("gate-check").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("gate-check peak memory: binary not built next to the benchmark")
            return
        }
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            print("gate-check peak memory: needs /usr/bin/time (Debian's `time`)")
            return
        }
        let report = directory + "/gate-check-rusage"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: time)
        process.arguments = ["-f", "%M", "-o", report, binary] + [
            "verify", text, "--gate", "BENCH", "--direction", "in", "--gate-dir", directory, "--json",
        ]
        process.standardOutput = FileHandle.nullDevice
        let started = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let kilobytes = (try? String(contentsOfFile: report, encoding: .utf8))?
            .split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? .nan
        print("gate-check verify as a process: exit \(process.terminationStatus), \(Measure.format(milliseconds, 1)) ms wall including start-up, peak memory \(Measure.format(kilobytes / 1024, 1)) MiB")
    }
}
