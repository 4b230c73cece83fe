import Foundation
import Synchronization

/// The sign-in row's load: `clients` threads, each signing in over and over (a real PBKDF2 of
/// 600,000 iterations per attempt, over its own connection) until told to stop, while `wrk`
/// loads `GET /health`. Steady, rather than one burst of 50, so the sign-ins last as long as
/// wrk's run does.
final class SignInLoad: Sendable {
    let clients: Int
    private let stopping = Atomic(false)
    private let latencies = Mutex<[Double]>([])
    private let failure = Mutex<String?>(nil)
    private let group = DispatchGroup()

    init(port: Int, clients: Int) {
        self.clients = clients
        let body = "{\"name\":\"\(ServerBenchSeed.signInAccount)\",\"password\":\"\(ServerBenchSeed.signInPassword)\"}"
        for _ in 0..<clients {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while !stopping.load(ordering: .relaxed) {
                    do {
                        var reply: LoopbackHTTP.Reply!
                        let milliseconds = try Measure.milliseconds {
                            reply = try LoopbackHTTP.post(port: port, path: "/api/session", json: body)
                        }
                        guard reply.status == 201 else {
                            failure.withLock { $0 = $0 ?? "a sign-in answered \(reply.status): \(reply.text)" }
                            return
                        }
                        latencies.withLock { $0.append(milliseconds) }
                    } catch {
                        failure.withLock { $0 = $0 ?? "a sign-in failed: \(error)" }
                        return
                    }
                }
            }
            thread.start()
        }
    }

    /// Lets each client finish the sign-in it is in, then reports them all; a failed one fails
    /// the row, whose figure would be of something else.
    func finish() throws -> (count: Int, p50Milliseconds: Double, p99Milliseconds: Double) {
        stopping.store(true, ordering: .relaxed)
        group.wait()
        if let message = failure.withLock({ $0 }) { throw BenchFailure(message) }
        let done = latencies.withLock { $0 }
        return (done.count, Measure.percentile(done, 0.5), Measure.percentile(done, 0.99))
    }
}
