import ColopassCore
import Foundation

/// Where the server's blocking work runs, so that none of it runs on Swift's cooperative pool,
/// whose few threads also carry every connection's I/O.
///
/// - `handlers`: every route handler of the table runs here whole (the router sets the task's
///   executor preference), so a core call, a read, or a `FULL` commit waiting for the disk
///   blocks one of these threads. Four: more than the cores, since they mostly wait, and fewer
///   than the store's reader connections; with eight, GRDB's reader-pool lock was contended on
///   two cores and the card look-up got slower, with two it got no faster.
/// - `compute`: seconds of CPU per call, PBKDF2 at 600,000 iterations, badge and slip rendering
///   and `/health`'s integrity check, on as many threads as cores (as hummingbird-auth hashes on
///   `NIOThreadPool`) and at a lower priority, so 50 sign-ins at once queue among themselves
///   instead of taking the cores from `/health` and the card look-up.
public enum Offload {
    static let handlers = BlockingPool(name: "colopass-handler", threads: 4)
    static let compute = BlockingPool(
        name: "colopass-compute", threads: ProcessInfo.processInfo.activeProcessorCount, nice: 10)

    /// Runs CPU-heavy core work (password hashing, rendering) on the compute pool.
    public static func cpu<T: Sendable>(_ body: @Sendable () throws -> T) async throws -> T {
        try await compute.run(body)
    }

    /// Runs a route handler on the handler pool, from the router: the handler's own code does
    /// not have to remember it.
    static func handler<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(handlers) { try await body() }
    }
}
