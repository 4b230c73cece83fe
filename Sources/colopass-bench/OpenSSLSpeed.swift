import Foundation

/// `openssl speed -seconds N ed25519`, run in the same invocation as our own figures.
enum OpenSSLSpeed {
    static func ed25519(seconds: Int = 3) -> (sign: Double, verify: Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["speed", "-seconds", String(seconds), "ed25519"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // The summary line: " 253 bits EdDSA (Ed25519)   0.0000s   0.0001s  22800.0   7500.0"
        guard let line = output.split(separator: "\n").last(where: { $0.contains("Ed25519") && $0.contains("bits") })
        else { return nil }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { return nil }
        return (numbers[numbers.count - 2], numbers[numbers.count - 1])
    }
}
