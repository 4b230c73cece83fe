import Foundation
import Testing

/// What one run of the `colopass` binary did.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A fresh temp directory to run the built `colopass` binary in, as an operator would: the
/// shipped policy through `COLOPASS_POLICY`, a data directory of its own through `COLOPASS_DATA`.
final class CLISandbox: @unchecked Sendable {
    let directory: String
    let dataDirectory: String
    private var environment: [String: String]
    private var runs = 0

    init() throws {
        directory = NSTemporaryDirectory() + "colopass-e2e-" + UUID().uuidString
        dataDirectory = directory + "/data"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COLOPASS_") }
        environment["COLOPASS_POLICY"] = Self.repositoryRoot + "/policies/site.yaml"
        environment["COLOPASS_DATA"] = dataDirectory
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs `colopass arguments…` to completion, acting as `actor` (`COLOPASS_AS`) when given.
    @discardableResult
    func run(_ arguments: [String], as actor: String? = nil) throws -> CLIResult {
        runs += 1
        let out = directory + "/run\(runs).out"
        let err = directory + "/run\(runs).err"
        let process = try start(arguments, as: actor, stdout: out, stderr: err)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        if !process.isRunning { finished.signal() }
        if finished.wait(timeout: .now() + 120) == .timedOut {
            process.terminate()
            Issue.record("colopass \(arguments.joined(separator: " ")) did not finish in 120 s")
        }
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Starts `colopass arguments…` without waiting, its output going to the given files.
    func start(_ arguments: [String], as actor: String? = nil, stdout: String, stderr: String) throws -> Process {
        FileManager.default.createFile(atPath: stdout, contents: nil)
        FileManager.default.createFile(atPath: stderr, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = environment
        if let actor { environment["COLOPASS_AS"] = actor }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdout)
        process.standardError = FileHandle(forWritingAtPath: stderr)
        try process.run()
        return process
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The `colopass` built next to this test bundle: `swift build --build-tests` puts every
    /// product of the package in the same `debug` folder, whatever the scratch path.
    static func binary() throws -> String {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(
            URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/")
                .deletingLastPathComponent())
        for folder in candidates {
            let path = folder.appendingPathComponent("colopass").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw BinaryNotFound(searched: candidates.map(\.path))
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "no colopass binary next to the test bundle (build with --build-tests); looked in \(searched)"
        }
    }
}

/// Today's date at the site (Asia/Shanghai, the shipped policy's zone) moved by `days`.
func siteDay(offset days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let date = calendar.date(byAdding: .day, value: days, to: Date())!
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
}
