import ColopassCore
import Foundation
import GateCheck

/// A gate's first sync of a site ten times the server benchmark's: 1,000,000 cards (100,000
/// clients) pulled page by page by the real `gate-check sync` from the real `colopass serve`.
/// The time (aim ≤ 10 s), the server's peak above its idle figure, and the gate's peak memory
/// while it applies the pages (through /usr/bin/time), next to the same run's 100,000-card
/// figures scaled by ten.
enum GateMillionBench {
    static let scale = 10

    static func run() throws {
        let cards = ServerBenchSeed.cards * scale
        print("\n== gate-check sync: a first snapshot of \(cards) cards from colopass serve ==")
        let directory = NSTemporaryDirectory() + "colopass-gate-million-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var site: ServerBenchSeed.Site!
        let seeding = try Measure.milliseconds { site = try ServerBenchSeed.make(directory: directory, scale: scale) }
        print("site seeded in \(Measure.format(seeding / 1000, 1)) s")
        let server = try ServerProcess(
            dataDirectory: directory + "/data", policyPath: site.policyPath, logPath: directory + "/serve.log")
        defer { server.stop() }
        try server.waitUntilHealthy()
        let idle = server.peakMemoryKiB() ?? 0
        let url = "http://127.0.0.1:\(server.port)"
        let gateDirectory = directory + "/gate"
        let replica = try Replica(directory: gateDirectory)
        try replica.trust(try site.core.credentials.publicKeyExport())
        let (milliseconds, gatePeak) = try GateLiveBench.timedGateCheck(
            ["sync", "--server", url, "--token", site.gateToken, "--gate-dir", gateDirectory])
        let peak = server.peakMemoryKiB() ?? 0
        let entries = try replica.entryCount()
        guard entries == cards else { throw BenchFailure("the gate holds \(entries) entries, not \(cards)") }
        print("full snapshot, paged (gate-check sync, \(entries) entries): \(Measure.format(milliseconds / 1000, 2)) s (aim ≤ 10 s), server peak \(Measure.format(Double(peak - idle) / 1024, 1)) MiB above idle \(Measure.format(Double(idle) / 1024, 1)) MiB, gate-check peak while applying \(Measure.format(gatePeak / 1024, 1)) MiB")
    }
}
