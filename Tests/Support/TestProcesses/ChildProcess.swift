import CSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process for the tests, started with `posix_spawn` and waited for by a thread of its
/// own: the part of Foundation's `Process` the tests use (same names), without its `run()`. On
/// Linux with Swift 6.3.1, `Process.run()` copies each `/proc/self/fd` entry's whole 256-byte
/// name (swift-corelibs-foundation pull request 5472, merged after 6.3.1) and crashes when an
/// entry ends glibc's 32 KiB directory buffer, which happens with some 1,300 descriptors open;
/// a parallel test run holds more than 1,600. Here the child closes every descriptor from 3 on
/// (glibc's `closefrom` file action) and nothing lists `/proc/self/fd`.
public final class ChildProcess: @unchecked Sendable {
    public var executableURL: URL?
    public var arguments: [String]?
    /// The parent's environment when nil.
    public var environment: [String: String]?
    public var currentDirectoryURL: URL?
    /// A `FileHandle` (`FileHandle.nullDevice` for /dev/null) or a `Pipe`; nil inherits the test's.
    public var standardInput: Any?
    public var standardOutput: Any?
    public var standardError: Any?
    /// Called on the waiting thread once the child has ended.
    public var terminationHandler: (@Sendable (ChildProcess) -> Void)?

    private let state = NSCondition()
    private var pid: pid_t = 0
    /// The wait status, once the child has ended.
    private var waitStatus: Int32?

    public init() {}

    public var processIdentifier: Int32 { state.withLock { pid } }
    public var isRunning: Bool { state.withLock { pid > 0 && waitStatus == nil } }

    /// The exit code, or the signal that ended the child; waits for the end.
    public var terminationStatus: Int32 {
        let status = ended()
        return Self.signalled(status) ? status & 0x7f : (status >> 8) & 0xff
    }

    public var terminationReason: Process.TerminationReason {
        Self.signalled(ended()) ? .uncaughtSignal : .exit
    }

    public func waitUntilExit() { _ = ended() }
    public func terminate() { signal(SIGTERM) }
    public func interrupt() { signal(SIGINT) }

    public func run() throws {
        guard let path = executableURL?.path else { throw POSIXError(.ENOENT) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { if devNull >= 0 { close(devNull) } }
        for (channel, target, reads) in [(standardInput, STDIN_FILENO, true), (standardOutput, STDOUT_FILENO, false), (standardError, STDERR_FILENO, false)] {
            let source: Int32? =
                switch channel {
                case let pipe as Pipe: reads ? pipe.fileHandleForReading.fileDescriptor : pipe.fileHandleForWriting.fileDescriptor
                case let handle as FileHandle: handle === FileHandle.nullDevice ? devNull : handle.fileDescriptor
                default: nil
                }
            if let source { try check(posix_spawn_file_actions_adddup2(&actions, source, target)) }
        }
        try check(cspawn_addclosefrom(&actions, 3))
        if let directory = currentDirectoryURL?.path { try check(cspawn_addchdir(&actions, directory)) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, as Foundation's: a ^C to the test run is not the child's.
        try check(posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP)))

        let argv = ([path] + (arguments ?? [])).map { strdup($0) } + [nil]
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        try check(posix_spawn(&child, path, &actions, &attributes, argv, envp))

        // The child's ends of pipes are the child's alone now: a reader sees the end of its output.
        if let pipe = standardInput as? Pipe { try? pipe.fileHandleForReading.close() }
        if let pipe = standardOutput as? Pipe { try? pipe.fileHandleForWriting.close() }
        if let pipe = standardError as? Pipe { try? pipe.fileHandleForWriting.close() }
        let started = child
        state.withLock { pid = started }
        Thread.detachNewThread { [self] in
            var status: Int32 = 0
            while waitpid(started, &status, 0) == -1 && errno == EINTR {}
            state.withLock {
                waitStatus = status
                state.broadcast()
            }
            terminationHandler?(self)
        }
    }

    private func ended() -> Int32 {
        state.lock()
        defer { state.unlock() }
        while waitStatus == nil { state.wait() }
        return waitStatus!
    }

    private func signal(_ number: Int32) {
        let child = processIdentifier
        if child > 0 { kill(child, number) }
    }

    private static func signalled(_ status: Int32) -> Bool { (status & 0x7f) != 0 && (status & 0x7f) != 0x7f }

    private func check(_ code: Int32) throws {
        if code != 0 { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
    }
}
