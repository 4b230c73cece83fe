import Foundation
import TestProcesses

/// A receiver the outbox delivers to, run by the project's Python (`make deps` makes `.venv/`):
/// a real SMTP server (aiosmtpd) or an HTTP endpoint that checks the webhook signature with
/// Python's own hmac. Stopped when the value goes away.
final class NotificationReceiver: @unchecked Sendable {
    let process = ChildProcess()
    let port: Int
    let logPath: String

    static var python: String { TestSite.repositoryRoot + "/.venv/bin/python" }
    static var script: String { TestSite.repositoryRoot + "/Tests/receivers/notification_receivers.py" }

    static func smtp(in directory: String) throws -> NotificationReceiver {
        try NotificationReceiver(arguments: ["smtp"], directory: directory)
    }

    static func webhook(secret: String, failing: Int = 0, in directory: String) throws -> NotificationReceiver {
        try NotificationReceiver(arguments: ["webhook", secret, String(failing)], directory: directory)
    }

    private init(arguments: [String], directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        logPath = directory + "/\(arguments[0])-\(UUID().uuidString).jsonl"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.python)
        var args = [Self.script, arguments[0], logPath]
        args += arguments.dropFirst()
        process.arguments = args
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // The first line says where it listens.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else {
            process.terminate()
            throw ReceiverFailed(description: "receiver did not start: \(text)")
        }
        self.port = port
    }

    deinit {
        // SIGKILL, without waiting: Foundation reaps the child, and `waitUntilExit` from a test's
        // task can wait forever on a run loop no one runs.
        kill(process.processIdentifier, SIGKILL)
    }

    /// What it received so far, one object per message or request.
    func received() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Waits (up to `seconds`) until at least `count` records are in; an SMTP server writes
    /// after it has answered.
    func waitFor(_ count: Int, seconds: Double = 10) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(seconds)
        var records = try received()
        while records.count < count, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            records = try received()
        }
        return records
    }
}

struct ReceiverFailed: Error, CustomStringConvertible {
    var description: String
}
