import GateKernel
import Foundation

/// Renders a decision for the guard: big and unmistakable on a terminal, or JSON for machines.
public enum GateDisplay {
    public static func text(_ decision: GateDecision, color: Bool) -> String {
        let (on, off) = color ? (decision.granted ? "\u{1B}[1;97;42m" : "\u{1B}[1;97;41m", "\u{1B}[0m") : ("", "")
        let word = decision.granted ? "  ✔ GRANTED  准许通行  " : "  ✘ DENIED  拒绝通行  "
        let bar = String(repeating: decision.granted ? "█" : "▓", count: 44)
        var lines = ["\(on)\(bar)\(off)", "\(on)\(word.padding(toLength: 44, withPad: " ", startingAt: 0))\(off)", "\(on)\(bar)\(off)"]
        if let reason = decision.denyReason {
            lines.append("原因 / reason: [\(reason.clause)] \(reason.message.zh) / \(reason.message.en)")
        }
        for warning in decision.warnings {
            lines.append("⚠ 注意 / warning: [\(warning.clause)] \(warning.message.zh) / \(warning.message.en)")
        }
        if decision.stale {
            let age = decision.lastSync.map { "上次同步 / last sync \($0.formatted(.iso8601))" } ?? "从未同步 / never synchronised"
            lines.append("⚠ 门禁数据过期 / gate data is stale (\(age))")
        }
        if let entry = decision.entry {
            lines.append("类型 / kind: \(entry.kind.title.zh) / \(entry.kind.title.en)")
            lines.append("持证人 / holder: \(entry.holderName)    单位 / company: \(entry.company)")
            lines.append("证件后四位 / ID last 4: \(String(entry.maskedID.suffix(4)))")
            if let photo = decision.photoPath { lines.append("照片 / photo: \(photo)") }
            if entry.escortRequired { lines.append("⚠ 须有人陪同 / escort required") }
            for detail in entry.details { lines.append("· \(detail)") }
        }
        return lines.joined(separator: "\n")
    }

    public struct JSONDecision: Codable {
        var result: String
        var reason: String?
        var clause: String?
        var message: Bilingual?
        var warnings: [String]
        var stale: Bool
        var event: GateEvent
        var holder: String?
        var company: String?
        var idLast4: String?
        var photo: String?
        var escortRequired: Bool?
        var details: [String]?
    }

    public static func json(_ decision: GateDecision) -> String {
        let body = JSONDecision(
            result: decision.granted ? "granted" : "denied", reason: decision.denyReason?.rawValue,
            clause: decision.denyReason?.clause.code, message: decision.denyReason?.message,
            warnings: decision.warnings.map(\.rawValue), stale: decision.stale, event: decision.event,
            holder: decision.entry?.holderName, company: decision.entry?.company,
            idLast4: decision.entry.map { String($0.maskedID.suffix(4)) }, photo: decision.photoPath,
            escortRequired: decision.entry?.escortRequired, details: decision.entry?.details)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(body)) ?? Data(), as: UTF8.self)
    }

    public static func question(_ question: GateQuestion, _ entry: GateEntry) -> String {
        var lines: [String] = []
        if question == .slipMatches {
            lines.append("出门条内容 / exit slip lists:")
            lines += entry.details.map { "  · \($0)" }
        } else {
            lines.append("紧急维修人员 / emergency repair: \(entry.holderName)  证件后四位 / ID last 4: \(entry.maskedID.suffix(4))")
        }
        lines.append("\(question.prompt.zh) / \(question.prompt.en)")
        return lines.joined(separator: "\n")
    }
}
