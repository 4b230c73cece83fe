import ColopassCore
import Foundation

/// `colopass-bench`: the speed targets, measured in one run on this machine (`make bench`).
/// Figures are printed next to OpenSSL's own numbers from the same run, because the ratio is
/// what carries from one machine to another.
@main
enum Bench {
    static func main() throws {
        let sections = CommandLine.arguments.dropFirst()
        let all = sections.isEmpty || sections.contains("all")
        print("Colopass benchmarks — \(ProcessInfo.processInfo.processorCount) cores, \(Date().formatted(.iso8601))")
        if all || sections.contains("credentials") { try CredentialBench.run() }
        if all || sections.contains("cards") { try CardIssueBench.run() }
        if all || sections.contains("gate") { try GateBench.run() }
        if all || sections.contains("server") { try ServerBench.run() }
        if all || sections.contains("service-desk") { try ServiceDeskBench.run() }
        if all || sections.contains("integrity") { try IntegrityBench.run() }
        if all || sections.contains("gate-live") { try GateLiveBench.run() }
        if sections.contains("gate-snapshot") { try GateSnapshotBench.run() }
        if all || sections.contains("gate-million") { try GateMillionBench.run() }
        if all || sections.contains("notifications") { try NotificationBench.run() }
    }
}

/// Timing helpers shared by the sections.
enum Measure {
    /// Runs `body` repeatedly for about `seconds` and returns operations per second.
    static func rate(seconds: Double, _ body: () throws -> Void) rethrows -> Double {
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed: UInt64 = 0
        let limit = UInt64(seconds * 1e9)
        while elapsed < limit {
            for _ in 0..<64 { try body() }
            count += 64
            elapsed = DispatchTime.now().uptimeNanoseconds - start
        }
        return Double(count) / (Double(elapsed) / 1e9)
    }

    /// Wall time of one call, in milliseconds.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }

    static func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
}
