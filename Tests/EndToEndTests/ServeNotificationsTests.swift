import Foundation
import TestProcesses
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `colopass serve` delivers notifications by itself: a card issued from the command
/// line (another process) reaches a webhook receiver that checks its signature.
@Suite("colopass serve delivers notifications", .serialized)
struct ServeNotificationsTests {
    @Test func aCardIssuedFromTheCommandLineReachesASignedWebhook() throws {
        // given: a demo site, its admin's API token, a receiver, and the service running
        let sandbox = try CLISandbox()
        #expect(try sandbox.run(["init", "--demo"]).status == 0)
        let token = try #require(
            try sandbox.run(["token", "issue", "admin", "--kind", "api", "--json"], as: "admin").json["token"] as? String)
        let port = try ServerGateSyncTests.freePort()
        let server = try ServerGateSyncTests.Server(sandbox, port: port, run: 1)
        defer { _ = server.stop() }
        // the receiver reads the secret from a file: it is known only once the subscription is made
        let receiver = try Receiver(directory: sandbox.directory)
        defer { kill(receiver.process.processIdentifier, SIGKILL) }
        let made = try Self.post(
            "http://127.0.0.1:\(port)/api/notifications/subscriptions", token: token,
            json: ["channel": "webhook", "target": "http://127.0.0.1:\(receiver.port)/hook", "events": ["card.issued"]])
        try #require(made["secret"] as? String).write(toFile: receiver.secretFile, atomically: true, encoding: .utf8)

        // when: customer service issues a card from the command line
        let issued = try sandbox.run(["card", "issue", "--person", "1", "--json", "--out", "badge"], as: "kefu")
        #expect(issued.status == 0, "\(issued)")

        // then: within seconds the service has sent it, signed, once
        let deadline = Date().addingTimeInterval(20)
        var lines: [[String: Any]] = []
        while Date() < deadline {
            lines = receiver.received()
            if !lines.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Thread.sleep(forTimeInterval: 2)
        lines = receiver.received()
        #expect(lines.count == 1)
        #expect(lines.first?["verified"] as? Bool == true)
        #expect(lines.first?["event"] as? String == "card.issued")
    }

    /// The webhook receiver of `Tests/receivers`, from the project's venv, with its secret in a file.
    final class Receiver {
        let process: ChildProcess
        let port: Int
        let log: String
        let secretFile: String

        init(directory: String) throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().path
            log = directory + "/webhook.jsonl"
            secretFile = directory + "/webhook.secret"
            FileManager.default.createFile(atPath: secretFile, contents: Data("unknown yet".utf8))
            FileManager.default.createFile(atPath: log, contents: nil)
            process = ChildProcess()
            process.executableURL = URL(fileURLWithPath: root + "/.venv/bin/python")
            process.arguments = [root + "/Tests/receivers/notification_receivers.py", "webhook", log, "@" + secretFile, "0"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else {
                throw ServerGateSyncTests.ServerDidNotStart(output: "receiver: \(text)")
            }
            self.port = port
        }

        func received() -> [[String: Any]] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    /// A JSON request that waits; the answer's object (empty for none).
    static func post(_ url: String, token: String, json: [String: Any]?, method: String = "POST") throws -> [String: Any] {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 10)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let box = ServerGateSyncTests.Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            box.value = (200..<300).contains((response as? HTTPURLResponse)?.statusCode ?? 0) ? (data ?? Data()) : nil
            done.signal()
        }.resume()
        done.wait()
        guard let data = box.value else { throw ServerGateSyncTests.ServerDidNotStart(output: "\(method) \(url) failed") }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
