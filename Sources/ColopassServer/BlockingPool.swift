import Foundation
import GateKernel

/// A fixed set of threads that Swift tasks may run on, for work that blocks: SQLite (a `FULL`
/// commit waits for the disk, a busy writer for up to 5 s), PBKDF2, badge rendering. Swift's
/// cooperative pool has one thread per core and assumes nobody blocks them; here a blocked thread
/// only holds up its own job.
///
/// It is a `TaskExecutor`, so `withTaskExecutorPreference` moves a whole async handler here, the
/// awaits between its blocking calls included (SE-0417). Jobs run in the order they came.
final class BlockingPool: TaskExecutor, @unchecked Sendable {
    let name: String
    // Guards `jobs`; the threads sleep on it when there is nothing to do.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    init(name: String, threads: Int, nice: Int32 = 0) {
        self.name = name
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in
                if nice != 0 { ThreadPriority.lowerCallingThread(by: nice) }
                self.serve()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs `body` on one of the pool's threads and returns to the caller's executor afterwards.
    func run<T: Sendable>(_ body: @Sendable () throws -> T) async throws -> T {
        try await withTaskExecutorPreference(self) { try body() }
    }

    private func serve() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            // Compacts now and then rather than shifting the array on every job.
            if head > 1024, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
