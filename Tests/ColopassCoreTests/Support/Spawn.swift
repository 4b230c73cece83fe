import Foundation

/// Starts a child process with no other test of this run starting one at the same moment.
/// Foundation's `Process.run()` on Linux crashed (a bad read inside it) when tests running in
/// parallel started processes at once; the lock is a file, so every test module of the run
/// shares it.
enum Spawn {
    static let lockPath = NSTemporaryDirectory() + "/colopass-tests.spawn.lock"

    static func run(_ process: Process) throws {
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { return try process.run() }
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        try process.run()
    }
}
