import Foundation

/// Background work that should yield the cores to work a person waits for.
public enum ThreadPriority {
    /// Lowers the calling thread's priority by `nice` (threads it starts afterwards inherit it).
    /// On Linux the nice value belongs to the thread, and `who = 0` is the calling thread
    /// (setpriority(2), BUGS), so only this thread yields: a server's pool of long CPU-bound jobs
    /// to short requests, a gate's link to the door deciding beside it.
    public static func lowerCallingThread(by nice: Int32) {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
        #endif
    }
}
