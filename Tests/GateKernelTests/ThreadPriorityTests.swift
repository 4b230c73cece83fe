import Foundation
import Synchronization
import GateKernel
import Testing

/// Background work (the gate's link, the server's hashing pool) yields to the work people wait
/// for: only the thread that asks is lowered, and the threads it starts afterwards with it.
@Suite struct ThreadPriorityTests {
    static func niceOfCallingThread() -> Int32 {
        errno = 0
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    }

    @Test func onlyTheCallingThreadAndItsLaterThreadsAreLowered() {
        let before = Self.niceOfCallingThread()
        let seen = Mutex<(lowered: Int32, child: Int32)>((0, 0))
        let done = DispatchSemaphore(value: 0)
        Thread {
            ThreadPriority.lowerCallingThread(by: 10)
            let own = Self.niceOfCallingThread()
            Thread {
                let inherited = Self.niceOfCallingThread()
                seen.withLock { $0 = (own, inherited) }
                done.signal()
            }.start()
        }.start()
        done.wait()
        let (lowered, child) = seen.withLock { $0 }
        #expect(lowered == min(before + 10, 19))
        #expect(child == lowered)
        #expect(Self.niceOfCallingThread() == before)
    }
}
