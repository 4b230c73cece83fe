import ColopassCore
import Foundation

/// 10,000 notifications, each queued by one change (a card request filed), delivered to a real
/// SMTP server (aiosmtpd) and a webhook receiver that checks every signature: none lost, none
/// doubled, and the time until the last arrives. Next to it, the same receivers reached by bare
/// libcurl sends, one after another, without the outbox.
enum NotificationBench {
    static let count = 10_000

    static func run() throws {
        print("\n== Notifications: outbox to SMTP and webhook ==")
        let directory = NSTemporaryDirectory() + "colopass-bench-notify-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let core = try Core(dataDirectory: directory + "/data", policy: try Policy.load(contentsOf: "policies/site.yaml"))
        let admin = Actor(account: try core.accounts.addAccount(name: "root", role: .admin, by: .system))
        let service = Actor(account: try core.accounts.addAccount(name: "cs", role: .customerService, by: .system))
        let client = try core.registry.addClient(
            NewClient(kind: .company, name: "压测公司 Bench Co", creditCode: "91110108MA01ABCD1E"), by: service)
        let clientAdmin = Actor(
            account: try core.accounts.addAccount(name: "bench-admin", role: .clientUser, clientId: client.id, by: .system))
        _ = try core.accounts.setClientAdmin("bench-admin", granted: true, by: admin)
        let smtp = try Receiver(["smtp"], directory)
        let secret = "whsec_bench"
        let webhook = try Receiver(["webhook", secret, "0"], directory)
        _ = try core.outbox.setMailSettings(
            MailSettings(smtpURL: "smtp://127.0.0.1:\(smtp.port)", from: "colopass@idc.example"), by: admin)
        _ = try core.outbox.subscribe(
            NewSubscription(channel: "email", target: "kefu@idc.example", events: ["request.filed"]), clientId: nil, by: admin)
        let hook = try core.outbox.subscribe(
            NewSubscription(channel: "webhook", target: "http://127.0.0.1:\(webhook.port)/hook", events: ["request.filed"]),
            clientId: nil, by: admin)
        _ = hook
        // The webhook's secret is drawn at random; the receiver was started with a known one.
        try core.store.pool.write { db in
            try db.execute(sql: "UPDATE notification_subscription SET secret = ? WHERE channel = 'webhook'", arguments: [secret])
        }
        let people = try (0..<count).map { index in
            try core.registry.addPerson(
                NewPerson(
                    clientId: client.id, name: "员工\(index)", idType: "passport",
                    idNumber: "E\(String(format: "%08d", index))", phone: "13800000000"), by: service
            ).person
        }
        // Reference: bare sends, one after another.
        let probe = 300
        let bareMail = try Measure.milliseconds { try OutboxProbe.send(smtpURL: "smtp://127.0.0.1:\(smtp.port)", count: probe) }
        let bareHook = try Measure.milliseconds { try OutboxProbe.post(url: "http://127.0.0.1:\(webhook.port)/probe", count: probe) }
        let queued = try Measure.milliseconds {
            for person in people { _ = try core.registry.fileCardRequest(personId: person.id, by: clientAdmin) }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var rounds = 0
        while try core.outbox.deliverDue(limit: 500).attempted > 0 { rounds += 1 }
        let mails = try smtp.waitFor(count + probe, seconds: 300)
        let hooks = try webhook.waitFor(count + probe, seconds: 300).filter { $0["event"] as? String == "request.filed" }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let mailKeys = mails.compactMap { $0["message_id"] as? String }.filter { $0.hasPrefix("<evt_") }
        let hookKeys = hooks.compactMap { $0["idempotency_key"] as? String }
        let verified = hooks.filter { $0["verified"] as? Bool == true }.count
        let pending = try core.outbox.deliveries(clientId: nil, status: .pending, limit: count * 2, by: admin).count
        print("changes: \(count) card requests filed in \(Measure.format(queued / 1000, 1)) s (each writes its event and 2 deliveries)")
        print("delivered in \(rounds) rounds; last arrival after \(Measure.format(elapsed, 1)) s (\(Measure.format(Double(2 * count) / elapsed, 0)) deliveries/s)")
        print("e-mail:  \(mailKeys.count) received, \(Set(mailKeys).count) distinct (lost \(count - Set(mailKeys).count), doubled \(mailKeys.count - Set(mailKeys).count))")
        print("webhook: \(hookKeys.count) received, \(Set(hookKeys).count) distinct, \(verified) signatures verified (lost \(count - Set(hookKeys).count), doubled \(hookKeys.count - Set(hookKeys).count))")
        print("still pending: \(pending)")
        let perDelivery = elapsed * 1000 / Double(2 * count)
        let perBare = (bareMail + bareHook) / Double(2 * probe)
        print("per delivery \(Measure.format(perDelivery, 2)) ms vs bare libcurl send \(Measure.format(perBare, 2)) ms (mail \(Measure.format(bareMail / Double(probe), 2)), webhook \(Measure.format(bareHook / Double(probe), 2))): ratio \(Measure.format(perDelivery / perBare, 2))")
    }

    /// The test receivers (Tests/receivers), from the project's venv.
    final class Receiver {
        let process = Process()
        let port: Int
        let log: String

        init(_ arguments: [String], _ directory: String) throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            log = directory + "/\(arguments[0]).jsonl"
            FileManager.default.createFile(atPath: log, contents: nil)
            process.executableURL = URL(fileURLWithPath: ".venv/bin/python")
            process.arguments = ["Tests/receivers/notification_receivers.py", arguments[0], log] + arguments.dropFirst()
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
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "receiver: \(text) (make deps)"])
            }
            self.port = port
        }

        deinit {
            // SIGKILL, without waiting: Foundation reaps the child, and `waitUntilExit` from a test's
            // task can wait forever on a run loop no one runs.
            kill(process.processIdentifier, SIGKILL)
        }

        func waitFor(_ count: Int, seconds: Double) throws -> [[String: Any]] {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                let records = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").compactMap {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
                }
                if records.count >= count || Date() > deadline { return records }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }
}
