import ColopassCore
import Foundation
import GRDB

/// The HTTP server under load on loopback: `colopass serve` (the release binary, its own process)
/// with 10,000 clients and 100,000 cards, driven by `wrk`. Each API route is printed next to a
/// bare Hummingbird `GET /hello` served by the same binary in the same run: that ratio is the
/// figure that carries from one machine to another.
enum ServerBench {
    static let seconds = 10
    static let threads = 2
    static let connections = 32
    /// A full snapshot is a gate's first sync: a few at once, never 32. Loaded with wrk at this
    /// concurrency when one takes under `fullSnapshotWrkLimit` seconds; timed as one request on
    /// the idle server otherwise, where a 10 s wrk run would not finish a single one.
    static let fullSnapshotConnections = 2
    static let fullSnapshotWrkLimit = 1.0
    /// The sign-in row: this many sign-ins in flight at once (issue 11) while wrk loads /health
    /// over `healthConnections` connections.
    static let signInClients = 50
    static let healthConnections = 32

    struct Row {
        var name: String
        var load: String
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var peakKiB: Int?
        var socketErrors: String?
    }

    static func run() throws {
        print("\n== Server: \(ServerBenchSeed.clients) clients, \(ServerBenchSeed.cards) cards, colopass serve on loopback, wrk ==")
        let directory = NSTemporaryDirectory() + "colopass-server-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        var site: ServerBenchSeed.Site!
        let seedMilliseconds = try Measure.milliseconds { site = try ServerBenchSeed.make(directory: directory) }
        let (cursor, cardCount, changes) = try site.core.store.pool.read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM gate_change") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM card WHERE status = 'active'") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT credential_id) FROM gate_change WHERE kind = 1") ?? 0
            )
        }
        guard cardCount == ServerBenchSeed.cards, changes == ServerBenchSeed.cards else {
            throw BenchFailure("seeded \(cardCount) active cards, \(changes) in the gate change log")
        }
        print("seeded in \(Measure.format(seedMilliseconds / 1000, 1)) s: one card through the core, the rest bulk SQL in one transaction")

        let server = try ServerProcess(
            dataDirectory: directory + "/data", policyPath: site.policyPath, logPath: directory + "/serve.log")
        defer { server.stop() }
        let startMilliseconds = try Measure.milliseconds { try server.waitUntilHealthy() }

        // Each route answers once, correctly, before wrk loads it.
        let port = server.port
        let cardPaths = site.cardNumbers.map { "/api/cards/\($0)" }
        try expectOK(port, "/hello", nil)
        let sample = site.cardNumbers[site.cardNumbers.count / 2]
        let card = try expectOK(port, "/api/cards/\(sample)", site.apiToken)
        guard String(decoding: card.body, as: UTF8.self).contains("\"number\":\"\(sample)\"") else {
            throw BenchFailure("the card look-up answered something else: \(card.text)")
        }
        let incremental = "/api/gate/snapshot?since=\(cursor)"
        let incrementalBytes = try expectOK(port, incremental, site.gateToken).body.count
        let baseline = server.peakMemoryKiB()

        var rows: [Row] = []
        func load(
            _ name: String, _ path: String, paths: [String]? = nil, token: String?, connections: Int = connections,
            timeout: Int = 2
        ) throws {
            let run = try WrkRun.run(
                port: port, path: path, paths: paths, token: token, threads: min(threads, connections),
                connections: connections, seconds: seconds, timeoutSeconds: timeout, scratch: directory)
            rows.append(
                Row(
                    name: name, load: "-c\(connections)", requestsPerSecond: run.requestsPerSecond,
                    p50Milliseconds: run.p50Milliseconds, p99Milliseconds: run.p99Milliseconds,
                    peakKiB: server.peakMemoryKiB(), socketErrors: run.socketErrors))
        }
        // The bearer header goes with every request, the bare route's too, so requests differ only by route.
        try load("GET /hello (bare Hummingbird)", "/hello", token: site.apiToken)
        try load("GET /api/cards/{number}, random of 100k", "/api/cards/", paths: cardPaths, token: site.apiToken)
        try load("GET /api/gate/snapshot?since=<latest>", incremental, token: site.gateToken)
        // The console's pages as a signed-in browser asks for them (the session cookie).
        for page in try ServerBenchPages.pages(port: port) {
            let run = try WrkRun.run(
                port: port, path: page.path, token: nil, threads: threads, connections: connections, seconds: seconds,
                timeoutSeconds: 2, scratch: directory, header: page.cookie)
            rows.append(
                Row(
                    name: page.name, load: "-c\(connections)", requestsPerSecond: run.requestsPerSecond,
                    p50Milliseconds: run.p50Milliseconds, p99Milliseconds: run.p99Milliseconds,
                    peakKiB: server.peakMemoryKiB(), socketErrors: run.socketErrors))
        }

        // /health alone, then while `signInClients` clients sign in over and over: the hashing
        // must take neither the threads nor the cores that answer everything else.
        let healthMilliseconds = try Measure.milliseconds { try expectOK(port, "/health", nil) }
        try load("GET /health", "/health", token: nil, connections: healthConnections)
        let signIns = SignInLoad(port: port, clients: signInClients)
        try load(
            "GET /health, \(signInClients) sign-ins at once", "/health", token: nil, connections: healthConnections)
        let signedIn = try signIns.finish()

        // The full snapshot last: it is what drives the server's memory.
        let fullPath = "/api/gate/snapshot?since=0"
        var full: LoopbackHTTP.Reply!
        let fullMilliseconds = try Measure.milliseconds { full = try expectOK(port, fullPath, site.gateToken) }
        let entries = try snapshotEntries(full.body)
        guard entries == ServerBenchSeed.cards else {
            throw BenchFailure("the full snapshot holds \(entries) entries, not \(ServerBenchSeed.cards)")
        }
        if fullMilliseconds < fullSnapshotWrkLimit * 1000 {
            try load(
                "GET /api/gate/snapshot?since=0 (full)", fullPath, token: site.gateToken,
                connections: fullSnapshotConnections, timeout: 30)
        } else {
            rows.append(
                Row(
                    name: "GET /api/gate/snapshot?since=0 (full)", load: "×1", requestsPerSecond: 1000 / fullMilliseconds,
                    p50Milliseconds: fullMilliseconds, p99Milliseconds: fullMilliseconds, peakKiB: server.peakMemoryKiB()))
        }
        let peak = server.peakMemoryKiB()
        server.stop()

        let hello = rows[0].requestsPerSecond
        print("colopass serve up in \(Measure.format(startMilliseconds / 1000, 1)) s; wrk -t\(threads) -d\(seconds)s --latency, the \(ProcessInfo.processInfo.processorCount) cores shared by wrk and the server")
        let columns = [42, 6, 10, 10, 10, 10, 10]
        print(line(["route", "load", "req/s", "p50 ms", "p99 ms", "÷ hello", "peak MiB"], columns))
        for row in rows {
            let ratio = row.requestsPerSecond / hello
            print(
                line(
                    [
                        row.name, row.load, Measure.format(row.requestsPerSecond, row.requestsPerSecond < 10 ? 3 : 0),
                        Measure.format(row.p50Milliseconds, 2), Measure.format(row.p99Milliseconds, 2),
                        ratio < 0.001 ? String(format: "%.1e", ratio) : Measure.format(ratio, 3), mebibytes(row.peakKiB, 0),
                    ], columns))
            if let errors = row.socketErrors { print("    \(errors)") }
        }
        print("(÷ hello: the route's req/s over the bare route's, same binary, same run; peak MiB: the server's VmHWM after that row)")
        if rows.last?.load == "×1" {
            print("(full snapshot: one request on the idle server took \(Measure.format(fullMilliseconds / 1000, 1)) s, too long for a \(seconds) s wrk run; req/s is 1 / its time)")
        }
        print("GET /health alone: \(Measure.format(healthMilliseconds, 1)) ms on the idle server (the last integrity check, the migrations, the policy)")
        print("sign-ins during the /health row: \(signedIn.count) by \(signInClients) clients signing in over and over (PBKDF2-SHA256, \(PasswordHasher.defaultIterations) iterations each), p50 \(Measure.format(signedIn.p50Milliseconds / 1000, 1)) s, p99 \(Measure.format(signedIn.p99Milliseconds / 1000, 1)) s")
        print("full snapshot: \(full.body.count) bytes (\(Measure.format(Double(full.body.count) / 1_048_576, 1)) MiB) for \(entries) entries; incremental at the latest cursor: \(incrementalBytes) bytes")
        print("server peak memory (VmHWM): \(mebibytes(peak)) MiB; \(mebibytes(baseline)) MiB after start-up and one look-up")
    }

    private static func mebibytes(_ kib: Int?, _ digits: Int = 1) -> String {
        kib.map { Measure.format(Double($0) / 1024, digits) } ?? "?"
    }

    /// The first column left-aligned, the others right-aligned.
    private static func line(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, cell in
            let room = String(repeating: " ", count: max(1, cell.1 - cell.0.count))
            return index < 2 ? cell.0 + room : room + cell.0
        }.joined()
    }

    @discardableResult
    private static func expectOK(_ port: Int, _ path: String, _ token: String?) throws -> LoopbackHTTP.Reply {
        let reply = try LoopbackHTTP.get(port: port, path: path, token: token)
        guard reply.status == 200 else { throw BenchFailure("GET \(path) answered \(reply.status): \(reply.text)") }
        return reply
    }

    /// The number of entries in a served snapshot: the signed body is JSON inside JSON.
    private static func snapshotEntries(_ bytes: [UInt8]) throws -> Int {
        struct Envelope: Decodable { var body: String }
        struct Body: Decodable { var entries: [Entry] }
        struct Entry: Decodable {}
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(bytes))
        return try JSONDecoder().decode(Body.self, from: Data(envelope.body.utf8)).entries.count
    }
}
