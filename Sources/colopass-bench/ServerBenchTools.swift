import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The server under test: the release `colopass` built next to this benchmark, run as its own
/// process, so its memory is its own and the figures are those of `colopass serve`.
final class ServerProcess {
    let process = Process()
    let port: Int
    let log: String

    init(dataDirectory: String, policyPath: String, logPath: String) throws {
        guard let executable = Bundle.main.executableURL else { throw BenchFailure("cannot locate colopass-bench") }
        let binary = executable.deletingLastPathComponent().appendingPathComponent("colopass").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchFailure("\(binary) not built: build the colopass product next to colopass-bench")
        }
        port = try LoopbackHTTP.freePort()
        log = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "serve", "--data-dir", dataDirectory, "--policy", policyPath, "--host", "127.0.0.1", "--port", String(port),
            "--bench-hello-route",
        ]
        // Standard output carries the one-time passwords of the first start; nobody needs them.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Polls `/health` until it answers 200; fails if the server exits or takes too long.
    func waitUntilHealthy(seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard process.isRunning else { throw BenchFailure("colopass serve exited: \(logText())") }
            if let reply = try? LoopbackHTTP.get(port: port, path: "/health"), reply.status == 200 { return }
            usleep(100_000)
        }
        throw BenchFailure("colopass serve did not answer /health within \(Int(seconds)) s: \(logText())")
    }

    /// VmHWM: the most resident memory the process has had, in KiB.
    func peakMemoryKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        }
        return nil
    }

    /// SIGTERM, which the server answers with a graceful shutdown; SIGKILL after 10 s.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    func logText() -> String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.isEmpty ? "(no output)" : String(text.suffix(2000))
    }
}

/// Just enough HTTP/1.1 over a loopback socket to wait for the server and check a route once
/// before `wrk` hammers it.
enum LoopbackHTTP {
    struct Reply {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body.prefix(500), as: UTF8.self) }
    }

    static func get(port: Int, path: String, token: String? = nil) throws -> Reply {
        try exchange("GET", port: port, path: path, token: token)
    }

    /// A JSON body, e.g. a sign-in.
    static func post(port: Int, path: String, json: String) throws -> Reply {
        try exchange("POST", port: port, path: path, token: nil, json: json)
    }

    private static func exchange(_ method: String, port: Int, path: String, token: String?, json: String? = nil) throws
        -> Reply
    {
        let socket = try connected(port: port)
        defer { close(socket) }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        if let json {
            request += "Content-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)"
        } else {
            request += "\r\n"
        }
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw BenchFailure("send failed")
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw BenchFailure("recv failed: errno \(errno)") }
            if count == 0 { break }
            response += buffer[0..<count]
        }
        guard let end = headerEnd(response) else { throw BenchFailure("no HTTP header in the reply") }
        let header = String(decoding: response[0..<end], as: UTF8.self)
        let statusLine = header.split(separator: "\r\n").first ?? ""
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw BenchFailure("bad status line \(statusLine)") }
        var body = Array(response[(end + 4)...])
        if header.lowercased().contains("transfer-encoding: chunked") { body = try dechunk(body) }
        return Reply(status: status, body: body)
    }

    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<(bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16)
            else { throw BenchFailure("bad chunked body") }
            if size == 0 { break }
            out += bytes[(lineEnd + 2)..<(lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return out
    }

    private static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func connected(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchFailure("socket failed") }
        var address = address(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw BenchFailure("connect to 127.0.0.1:\(port) failed")
        }
        return socket
    }

    /// A port the kernel has just handed out and taken back: free unless something grabs it now.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchFailure("socket failed") }
        defer { close(socket) }
        var address = address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw BenchFailure("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// One `wrk` run and what the benchmark reads from its report.
struct WrkRun {
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var requests: Int
    var socketErrors: String?

    static let binary = "/usr/bin/wrk"

    /// Runs wrk against `path`; with `paths`, each request picks one of them at random (a Lua
    /// script reads them from a file). Fails on any non-2xx answer or timeout: the figure would
    /// be of something else.
    static func run(
        port: Int, path: String, paths: [String]? = nil, token: String?, threads: Int = 2, connections: Int = 32,
        seconds: Int = 10, timeoutSeconds: Int = 2, scratch: String, header: String? = nil
    ) throws -> WrkRun {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchFailure("\(binary) not found: apt-get install wrk")
        }
        var arguments = [
            "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--timeout", "\(timeoutSeconds)s", "--latency",
        ]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        if let header { arguments += ["-H", header] }
        if let paths {
            let list = scratch + "/wrk-paths.txt"
            try (paths.joined(separator: "\n") + "\n").write(toFile: list, atomically: true, encoding: .utf8)
            let script = scratch + "/wrk-random.lua"
            try """
                local paths = {}
                for line in io.lines("\(list)") do paths[#paths + 1] = line end
                local threads = 0
                function setup(thread)
                    threads = threads + 1
                    thread:set("seed", threads)
                end
                function init(args)
                    math.randomseed(os.time() * 1000 + (seed or 0))
                end
                function request()
                    return wrk.format("GET", paths[math.random(#paths)])
                end
                """.write(toFile: script, atomically: true, encoding: .utf8)
            arguments += ["-s", script]
        }
        arguments.append("http://127.0.0.1:\(port)\(path)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchFailure("wrk failed:\n\(output)") }
        return try parse(output)
    }

    static func parse(_ output: String) throws -> WrkRun {
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if let line = lines.first(where: { $0.hasPrefix("Non-2xx or 3xx responses:") }) {
            throw BenchFailure("wrk saw error answers (\(line)); the figure is invalid:\n\(output)")
        }
        let errors = lines.first { $0.hasPrefix("Socket errors:") }
        if let errors, let timeouts = errors.split(separator: "timeout").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            timeouts > 0
        {
            throw BenchFailure("wrk timed out on \(timeouts) request(s); the figure is invalid:\n\(output)")
        }
        func latency(_ label: String) throws -> Double {
            guard let line = lines.first(where: { $0.hasPrefix(label + " ") || $0.hasPrefix(label + "\t") }),
                let value = line.split(whereSeparator: \.isWhitespace).last.flatMap(milliseconds)
            else { throw BenchFailure("no \(label) latency in wrk's report:\n\(output)") }
            return value
        }
        guard let rateLine = lines.first(where: { $0.hasPrefix("Requests/sec:") }),
            let rate = Double(rateLine.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces)),
            let totalLine = lines.first(where: { $0.contains(" requests in ") }),
            let total = Int(totalLine.split(separator: " ")[0])
        else { throw BenchFailure("no request rate in wrk's report:\n\(output)") }
        return WrkRun(
            requestsPerSecond: rate, p50Milliseconds: try latency("50%"), p99Milliseconds: try latency("99%"),
            requests: total, socketErrors: errors)
    }

    /// wrk's units: "812.00us", "1.13ms", "2.01s", "1.02m".
    static func milliseconds(_ text: Substring) -> Double? {
        for (unit, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * scale }
        }
        return nil
    }
}
