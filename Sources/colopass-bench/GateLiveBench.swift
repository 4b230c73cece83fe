import ColopassCore
import Foundation
import GateCheck

/// `gate-check run` against the real `colopass serve` on 100,000 cards: the first (full) snapshot
/// in pages, how fast a card reported lost reaches a connected door, and the door's decision with
/// its durable write while the link applies deltas beside it. Each figure is printed next to a
/// reference from the same run: the one-piece snapshot the gates used before, and the same
/// decisions with the link idle.
enum GateLiveBench {
    static let trials = 50
    static let decisions = 5_000
    static let pacedDecisions = 2_000

    static func run() throws {
        print("\n== gate-check run: live link to colopass serve, \(ServerBenchSeed.cards) cards ==")
        let directory = NSTemporaryDirectory() + "colopass-gate-live-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let site = try ServerBenchSeed.make(directory: directory)
        let server = try ServerProcess(
            dataDirectory: directory + "/data", policyPath: site.policyPath, logPath: directory + "/serve.log")
        defer { server.stop() }
        try server.waitUntilHealthy()
        let idle = server.peakMemoryKiB() ?? 0
        let url = "http://127.0.0.1:\(server.port)"
        let gateDirectory = directory + "/gate"
        let replica = try Replica(directory: gateDirectory)
        try replica.trust(try site.core.credentials.publicKeyExport())

        // The full snapshot, paged, by the real gate-check (its own peak memory through /usr/bin/time).
        let (syncMilliseconds, gatePeak) = try timedGateCheck(
            ["sync", "--server", url, "--token", site.gateToken, "--gate-dir", gateDirectory])
        let pagedPeak = server.peakMemoryKiB() ?? 0
        let entries = try replica.entryCount()
        // The service's side alone: every page fetched and read for its `next`, nothing applied.
        var pages = 0
        let fetchOnly = try Measure.milliseconds {
            var through: Int64?
            var after: GateSnapshot.Position?
            repeat {
                var path = "/api/gate/snapshot?since=0&limit=\(GateExchange.snapshotPageLimit)&format=lines"
                if let through { path += "&through=\(through)" }
                if let after { path += "&after=\(after.kind.rawValue):\(after.credentialId)" }
                let reply = try LoopbackHTTP.get(port: server.port, path: path, token: site.gateToken)
                let page = try pageEnd(Array(reply.body))
                through = page.cursor
                after = page.next
                pages += 1
            } while after != nil
        }
        // Reference: the one-piece snapshot, as gates pulled it before paging.
        var onePieceBytes = 0
        let onePiece = try Measure.milliseconds {
            onePieceBytes = try LoopbackHTTP.get(port: server.port, path: "/api/gate/snapshot?since=0", token: site.gateToken).body.count
        }
        let onePiecePeak = server.peakMemoryKiB() ?? 0
        print("full snapshot, paged (gate-check sync, \(entries) entries): \(Measure.format(syncMilliseconds / 1000, 2)) s (aim ≤ 2 s), server peak \(Measure.format(Double(pagedPeak - idle) / 1024, 1)) MiB above idle \(Measure.format(Double(idle) / 1024, 1)) MiB (aim ≤ 100), gate-check peak \(Measure.format(gatePeak / 1024, 1)) MiB")
        print("the same, pages only fetched (\(pages) pages, nothing applied): \(Measure.format(fetchOnly / 1000, 2)) s")
        print("reference, one-piece snapshot (\(Measure.format(Double(onePieceBytes) / 1_048_576, 1)) MiB): \(Measure.format(onePiece / 1000, 2)) s, server peak then \(Measure.format(Double(onePiecePeak - idle) / 1024, 1)) MiB above idle — pages fetched/one-piece time \(Measure.format(fetchOnly / onePiece, 2))")

        // Reference: the door on this replica with no link at all (nothing else writes the file,
        // the service idle).
        let alone = try GateDesk(replica: try Replica(directory: gateDirectory), gate: "BENCH", direction: .in)
        let warm = try (1_000..<1_200).map { index in
            try site.core.cards.card(try CardNumber(site.cardNumbers[index]), by: try site.core.accounts.actor(named: "kefu")).card.credential
        }
        let noLink = try (0..<decisions).map { index in try Measure.milliseconds { _ = try alone.decide(warm[index % warm.count]) } }

        // The live link in this process; the door on its own connection to the same file.
        let link = GateLink(replica: try Replica(directory: gateDirectory, writer: .link), source: try HTTPSource(server: url, token: site.gateToken))
        let linkThread = Thread { link.run() }
        linkThread.start()
        defer { link.stop() }
        let desk = try GateDesk(replica: try Replica(directory: gateDirectory), gate: "BENCH", direction: .in)
        let service = try site.core.accounts.actor(named: "kefu")
        func credential(_ index: Int) throws -> String {
            try site.core.cards.card(try CardNumber(site.cardNumbers[index]), by: service).card.credential
        }

        // Reference: decisions with their durable write while the link is idle.
        let active = try (1_000..<1_200).map(credential)
        let quiet = try (0..<decisions).map { index in try Measure.milliseconds { _ = try desk.decide(active[index % active.count]) } }

        // Revocation latency: lost at the service (this process writes the service's file, as
        // `colopass card lost` does) until the door refuses the card.
        var latencies: [Double] = []
        for trial in 0..<trials {
            let text = try credential(10 + trial)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try site.core.cards.reportCardLost(try CardNumber(site.cardNumbers[10 + trial]), by: service)
            while try desk.decide(text, record: false).denyReason != .lost {
                guard DispatchTime.now().uptimeNanoseconds - start < 30_000_000_000 else { throw BenchFailure("card \(trial) still granted after 30 s") }
                usleep(5_000)
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            usleep(UInt32.random(in: 50_000...250_000))
        }
        print("revocation latency, lost at the service → refused at a connected door (\(trials) trials): p50 \(Measure.format(Measure.percentile(latencies, 0.5), 0)) ms, p99 \(Measure.format(Measure.percentile(latencies, 0.99), 0)) ms (aim p99 ≤ 2000 ms; the service looks at its change log every 100 ms)")

        // Decisions with their write while deltas arrive: a card lost every 20 ms at the service.
        let busy = DeltaMaker(core: site.core, service: service, numbers: Array(site.cardNumbers[2_000..<12_000]))
        let maker = Thread { busy.run() }
        maker.start()
        let loaded = try (0..<decisions).map { index in try Measure.milliseconds { _ = try desk.decide(active[index % active.count]) } }
        let loadedVerifyOnly = try (0..<decisions).map { index in
            try Measure.milliseconds { _ = try desk.decide(active[index % active.count], record: false) }
        }
        // Back to back, the door writes thousands of events a second, and the link's uploads of
        // them keep the service (on the same two cores here, with its audit record per event)
        // busy. A door sees a scan every few seconds: the same decisions one every 2 ms (500 a
        // second, still hundreds of times a door's rate) while the deltas go on arriving.
        let paced = try (0..<pacedDecisions).map { index in
            defer { usleep(2_000) }
            return try Measure.milliseconds { _ = try desk.decide(active[index % active.count]) }
        }
        busy.stop()
        let p99Quiet = Measure.percentile(quiet, 0.99)
        let p99Loaded = Measure.percentile(loaded, 0.99)
        print("decision + durable write paced one every 2 ms while run applies deltas (\(paced.count) decisions): p50 \(Measure.format(Measure.percentile(paced, 0.5), 3)) ms, p99 \(Measure.format(Measure.percentile(paced, 0.99), 3)) ms (aim < 1 ms)")
        print("the same decisions without their write (verify and read only) meanwhile: p99 \(Measure.format(Measure.percentile(loadedVerifyOnly, 0.99), 3)) ms; with their write and no link at all (before it started): p50 \(Measure.format(Measure.percentile(noLink, 0.5), 3)) ms, p99 \(Measure.format(Measure.percentile(noLink, 0.99), 3)) ms")
        print("decision + durable write while run applies deltas (\(busy.count) cards lost meanwhile): p50 \(Measure.format(Measure.percentile(loaded, 0.5), 3)) ms, p99 \(Measure.format(p99Loaded, 3)) ms (aim < 1 ms); link idle p99 \(Measure.format(p99Quiet, 3)) ms — ratio \(Measure.format(p99Loaded / p99Quiet, 2))")
    }

    /// What a page says of where it ends; its entries are not decoded.
    struct PageEnd: Decodable {
        var cursor: Int64
        var next: GateSnapshot.Position?
    }

    /// The end of a page as sent, in lines (its body's first line) or in JSON (the envelope's body).
    static func pageEnd(_ wire: [UInt8]) throws -> PageEnd {
        if wire.first == UInt8(ascii: "{") {
            let signed = try JSONCoding.decoder.decode(SignedSnapshot.self, from: Data(wire))
            return try SignedSnapshot.decoder().decode(PageEnd.self, from: Data(signed.body.utf8))
        }
        let body = try SignedLines(wire: wire).body
        return try SignedSnapshot.decoder().decode(PageEnd.self, from: Data(body.prefix { $0 != 0x0A }))
    }

    /// Runs the real gate-check under /usr/bin/time: wall milliseconds and peak resident KiB.
    static func timedGateCheck(_ arguments: [String]) throws -> (Double, Double) {
        guard let executable = Bundle.main.executableURL else { throw BenchFailure("cannot locate colopass-bench") }
        let binary = executable.deletingLastPathComponent().appendingPathComponent("gate-check").path
        let report = NSTemporaryDirectory() + "gate-check-rusage-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", report, binary] + arguments
        process.standardOutput = FileHandle.nullDevice
        let milliseconds = try Measure.milliseconds {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else { throw BenchFailure("gate-check \(arguments[0]) exited \(process.terminationStatus)") }
        let kilobytes = (try? String(contentsOfFile: report, encoding: .utf8))?
            .split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? .nan
        return (milliseconds, kilobytes)
    }

    /// Reports one card lost every 20 ms until stopped: deltas for the link to apply.
    final class DeltaMaker: @unchecked Sendable {
        let core: Core
        let service: Actor
        let numbers: [String]
        private let lock = NSLock()
        private var stopping = false
        private(set) var count = 0

        init(core: Core, service: Actor, numbers: [String]) {
            self.core = core
            self.service = service
            self.numbers = numbers
        }

        func run() {
            var index = 0
            while !(lock.withLock { stopping }), index < numbers.count {
                _ = try? core.cards.reportCardLost(try CardNumber(numbers[index]), by: service)
                index += 1
                lock.withLock { count = index }
                usleep(20_000)
            }
        }

        func stop() { lock.withLock { stopping = true } }
    }
}
