import ColopassCore
import Foundation
import GateCheck

/// The service's side of a gate's first sync, in this process and without HTTP: every page of the
/// full snapshot of the server benchmark's site built, encoded and signed, as `GET
/// /api/gate/snapshot?limit=5000&format=lines` does (and, for reference, in JSON). What `gate-live` measures through the network and the
/// gate, less both; run under `perf record` to see where a page's time goes.
enum GateSnapshotBench {
    static func run() throws {
        print("\n== gate snapshot pages at the service: \(ServerBenchSeed.cards) cards ==")
        let directory = NSTemporaryDirectory() + "colopass-gate-snapshot-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let site = try ServerBenchSeed.make(directory: directory)
        let guardActor = try site.core.accounts.actor(named: "baoan")
        for round in 1...3 {
            for lines in [true, false] {
                var pages = 0
                var bytes = 0
                var building = 0.0
                let milliseconds = try Measure.milliseconds {
                    var through: Int64?
                    var after: GateSnapshot.Position?
                    repeat {
                        var body: [UInt8] = []
                        building += try Measure.milliseconds {
                            body =
                                lines
                                ? try site.core.gate.gateSnapshotPageLines(
                                    since: 0, through: through, after: after, limit: GateExchange.snapshotPageLimit, by: guardActor
                                ).wire()
                                : Array(
                                    try JSONCoding.encoder.encode(
                                        try site.core.gate.gateSnapshotPage(
                                            since: 0, through: through, after: after, limit: GateExchange.snapshotPageLimit,
                                            by: guardActor)))
                        }
                        let page = try GateLiveBench.pageEnd(body)
                        through = page.cursor
                        after = page.next
                        pages += 1
                        bytes += body.count
                    } while after != nil
                }
                print("round \(round), \(lines ? "lines" : "JSON (reference)"): \(pages) pages (\(Measure.format(Double(bytes) / 1_048_576, 1)) MiB on the wire): \(Measure.format(building / 1000, 2)) s building them (\(Measure.format(milliseconds / 1000, 2)) s with reading each page's end)")
            }
            if round == 3 { try gateSide(site, guardActor, directory) }
        }
    }

    /// The gate's side of the same pages in lines, in this process: the wire read, each page's
    /// signature checked and body read, and the page applied to a replica (FULL sync), each timed
    /// on its own.
    static func gateSide(_ site: ServerBenchSeed.Site, _ actor: Actor, _ directory: String) throws {
        var wire: [[UInt8]] = []
        var through: Int64?
        var after: GateSnapshot.Position?
        repeat {
            wire.append(
                try site.core.gate.gateSnapshotPageLines(
                    since: 0, through: through, after: after, limit: GateExchange.snapshotPageLimit, by: actor
                ).wire())
            let page = try GateLiveBench.pageEnd(wire.last!)
            through = page.cursor
            after = page.next
        } while after != nil
        let replica = try Replica(directory: directory + "/gate-side")
        try replica.trust(try site.core.credentials.publicKeyExport())
        let trusted = try replica.trustedKeys()
        var read = 0.0, opened = 0.0, applied = 0.0
        for bytes in wire {
            var signed: SignedLines!
            var page: GateSnapshot!
            read += try Measure.milliseconds { signed = try SignedLines(wire: bytes) }
            opened += try Measure.milliseconds { page = try signed.open(trusting: trusted) }
            applied += try Measure.milliseconds { try replica.applyPage(page, receivedAt: Date()) }
        }
        print("gate side of the same \(wire.count) pages in lines, in process: wire read \(Measure.format(read / 1000, 2)) s, signature checked and body read \(Measure.format(opened / 1000, 2)) s, applied (FULL sync) \(Measure.format(applied / 1000, 2)) s; \(try replica.entryCount()) entries")
    }
}
