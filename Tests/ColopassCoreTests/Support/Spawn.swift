import Foundation

/// Every child process a test starts goes through here, one at a time (a file lock, so every test
/// module of the run shares it). A clean-clone run crashed once inside Foundation's
/// `Process.run()`: on Linux with Swift 6.3.1 it can over-read `/proc/self/fd`
/// (swift-corelibs-foundation pull request 5472, merged upstream after 6.3.1). Serial starts do
/// not remove that bug; this one place is where spawning without `Process` will go.
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
