import Foundation
import TestProcesses
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
/// Commands prove who acts, as an operator's would: `run(…, as: NAME)` gets NAME an API token,
/// issued by the admin, whose login takes the one-time password `colopass init` printed.
final class CLISandbox: @unchecked Sendable {
    let directory: String
    let dataDirectory: String
    /// The user's configuration directory for `colopass login` (empty unless a test logs in).
    let configDirectory: String
    private var environment: [String: String]
    private var runs = 0
    /// The one-time passwords `colopass init` printed, by account.
    private(set) var firstPasswords: [String: String] = [:]
    /// API tokens, by account, issued as the tests first act as each.
    private var tokens: [String: String] = [:]

    init() throws {
        directory = NSTemporaryDirectory() + "colopass-e2e-" + UUID().uuidString
        dataDirectory = directory + "/data"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("COLOPASS_") }
        environment["COLOPASS_POLICY"] = Self.repositoryRoot + "/policies/site.yaml"
        environment["COLOPASS_DATA"] = dataDirectory
        configDirectory = directory + "/config"
        environment["COLOPASS_CONFIG_DIR"] = configDirectory
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs `colopass arguments…` to completion, acting as `actor` (its API token in
    /// `COLOPASS_TOKEN`) when given, with `input` on its standard input.
    @discardableResult
    func run(_ arguments: [String], as actor: String? = nil, input: String? = nil) throws -> CLIResult {
        let token = try actor.flatMap { try self.token(for: $0) }
        var extra: [String: String] = [:]
        if let token { extra["COLOPASS_TOKEN"] = token } else if let actor { extra["COLOPASS_AS"] = actor }
        let result = try raw(arguments, environment: extra, input: input)
        if arguments.first == "init" {
            for (name, password) in Self.passwords(in: result.stdout) { firstPasswords[name] = password }
        }
        return result
    }

    /// A bash script (`"$COLOPASS_BIN" …`), for arguments Foundation cannot pass (bytes that are
    /// not UTF-8), acting as `actor` like `run`.
    func shell(_ script: String, as actor: String? = nil) throws -> CLIResult {
        var extra: [String: String] = ["COLOPASS_BIN": try Self.binary()]
        if let actor, let token = try token(for: actor) { extra["COLOPASS_TOKEN"] = token }
        runs += 1
        let out = directory + "/run\(runs).out"
        let err = directory + "/run\(runs).err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment.merging(extra) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        try process.run()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// `colopass arguments…` with exactly these extra variables.
    func raw(_ arguments: [String], environment extra: [String: String], input: String? = nil) throws -> CLIResult {
        runs += 1
        let out = directory + "/run\(runs).out"
        let err = directory + "/run\(runs).err"
        let process = try launch(arguments, environment: extra, input: input, stdout: out, stderr: err)
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
    func start(_ arguments: [String], as actor: String? = nil, stdout: String, stderr: String) throws -> ChildProcess {
        var extra: [String: String] = [:]
        if let actor { extra["COLOPASS_TOKEN"] = try token(for: actor) }
        return try launch(arguments, environment: extra, input: nil, stdout: stdout, stderr: stderr)
    }

    private func launch(
        _ arguments: [String], environment extra: [String: String], input: String?, stdout: String, stderr: String
    ) throws -> ChildProcess {
        FileManager.default.createFile(atPath: stdout, contents: nil)
        FileManager.default.createFile(atPath: stderr, contents: nil)
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment.merging(extra) { $1 }
        if let input {
            let inputPath = stdout + ".in"
            _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input.utf8))
            process.standardInput = FileHandle(forReadingAtPath: inputPath)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = FileHandle(forWritingAtPath: stdout)
        process.standardError = FileHandle(forWritingAtPath: stderr)
        try process.run()
        return process
    }

    // MARK: - Proving who acts

    /// An API token of `account`, issued by the admin on first use; nil when none can be issued
    /// (an unknown or disabled account: the command then runs with `COLOPASS_AS` alone, and is
    /// refused as any unproven name is).
    func token(for account: String) throws -> String? {
        if let token = tokens[account] { return token }
        guard let admin = try adminToken() else { return nil }
        if account == "admin" { return admin }
        let issued = try raw(
            ["token", "issue", account, "--kind", "api", "--label", "e2e"], environment: ["COLOPASS_TOKEN": admin])
        guard issued.status == 0, let token = Self.secret(in: issued.stdout) else { return nil }
        tokens[account] = token
        return token
    }

    /// The admin's own API token: `colopass login admin --password-stdin` with init's one-time
    /// password (in a configuration directory of its own, so tests see no stored login), then a
    /// token issued through that login.
    private func adminToken() throws -> String? {
        if let token = tokens["admin"] { return token }
        guard let password = firstPasswords["admin"] else { return nil }
        let bootstrap = ["COLOPASS_CONFIG_DIR": directory + "/admin-config"]
        let login = try raw(["login", "admin", "--password-stdin"], environment: bootstrap, input: password + "\n")
        guard login.status == 0 else {
            Issue.record("colopass login admin failed: \(login)")
            return nil
        }
        let issued = try raw(
            ["token", "issue", "admin", "--kind", "api", "--label", "e2e"],
            environment: bootstrap.merging(["COLOPASS_AS": "admin"]) { $1 })
        guard issued.status == 0, let token = Self.secret(in: issued.stdout) else {
            Issue.record("colopass token issue admin failed: \(issued)")
            return nil
        }
        tokens["admin"] = token
        return token
    }

    /// The secret in `token issue`'s output.
    static func secret(in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix("cpa_") || $0.hasPrefix("cps_") }
    }

    /// The one-time passwords `colopass init` (or a first `serve`) prints: "  NAME  PASSWORD".
    static func passwords(in output: String) -> [String: String] {
        var found: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("  ") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { found[String(parts[0])] = String(parts[1]) }
        }
        return found
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
