import GateKernel
import Foundation

/// Renders a decision for the guard: big and unmistakable on a terminal, or JSON for machines.
public enum GateDisplay {
    /// Clears the terminal and puts the cursor home: one scan per screen, nothing scrolls by.
    public static let clearScreen = "\u{1B}[2J\u{1B}[H"

    /// ANSI: white on green, white on red, black on yellow, red and bold.
    static let green = "\u{1B}[1;97;42m", red = "\u{1B}[1;97;41m", yellow = "\u{1B}[1;30;43m"
    static let redText = "\u{1B}[1;91m", reset = "\u{1B}[0m"

    /// The verdict as a coloured block, Chinese first with English below; warnings on yellow.
    /// Without colour (a pipe, a log) the same lines without escapes.
    public static func text(_ decision: GateDecision, color: Bool, timeZone: TimeZone? = nil) -> String {
        func paint(_ text: String, _ style: String) -> String { color ? style + text + reset : text }
        let width = 44
        func padded(_ text: String) -> String {
            text + String(repeating: " ", count: max(0, width - displayWidth(text)))
        }
        let style = decision.granted ? green : red
        let bar = String(repeating: color ? " " : (decision.granted ? "=" : "#"), count: width)
        let (zh, en) = decision.granted ? ("  ✔ 准许通行", "    GRANTED") : ("  ✘ 拒绝通行", "    DENIED")
        var lines = [bar, padded(zh), padded(en), bar].map { paint($0, style) }
        if let reason = decision.letOut {
            lines.append(
                paint(" ⚠ 警报：证件已失效，放行出门，请报告值班主管 [\(Clause(G3.letOut))] ", yellow))
            lines.append(
                paint(" ⚠ ALERT: let out on a credential no longer valid; report to the duty supervisor ", yellow))
            lines.append(paint("   [\(reason.clause)] \(reason.message.zh) / \(reason.message.en) ", yellow))
        }
        if let reason = decision.denyReason {
            lines.append(paint("原因：\(reason.message.zh) [\(reason.clause)]", redText))
            lines.append(paint("reason: \(reason.message.en)", redText))
        }
        for warning in decision.warnings where warning != decision.letOut {
            lines.append(paint(" ⚠ 注意：\(warning.message.zh) [\(warning.clause)] ", yellow))
            lines.append(paint(" ⚠ warning: \(warning.message.en) ", yellow))
        }
        let zone = timeZone ?? TimeZone(identifier: "Asia/Shanghai")!
        if decision.stale {
            let age = decision.lastSync.map { "上次同步 / last sync \(siteTime($0, zone))" } ?? "从未同步 / never synchronised"
            lines.append(paint(" ⚠ 门禁数据过期 / gate data is stale (\(age)) ", yellow))
        } else if decision.aging, let staleAt = decision.staleAt {
            lines.append(paint(" ⚠ 门禁数据将于 \(siteTime(staleAt, zone)) 过期 / gate data goes stale at \(siteTime(staleAt, zone)) ", yellow))
        }
        if let entry = decision.entry {
            lines.append("类型 / kind: \(entry.kind.title.zh) / \(entry.kind.title.en)")
            lines.append("持证人 / holder: \(entry.holderName)    单位 / company: \(entry.company)")
            lines.append("证件后四位 / ID last 4: \(String(entry.maskedID.suffix(4)))")
            if let photo = decision.photoPath { lines.append("照片 / photo: \(photo)") }
            if entry.escortRequired { lines.append(paint(" ⚠ 须有人陪同 / escort required ", yellow)) }
            for detail in entry.details { lines.append("· \(detail)") }
        }
        return lines.joined(separator: "\n")
    }

    /// `2026-12-02 14:27` in the site's time zone, as every time a person reads.
    public static func siteTime(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// CJK characters take two terminal columns.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
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
        var letOut: String?
        var letOutClause: String?
        var aging: Bool?
    }

    public static func json(_ decision: GateDecision) -> String {
        let body = JSONDecision(
            result: decision.granted ? "granted" : "denied", reason: decision.denyReason?.rawValue,
            clause: decision.denyReason?.clause.code, message: decision.denyReason?.message,
            warnings: decision.warnings.map(\.rawValue), stale: decision.stale, event: decision.event,
            holder: decision.entry?.holderName, company: decision.entry?.company,
            idLast4: decision.entry.map { String($0.maskedID.suffix(4)) }, photo: decision.photoPath,
            escortRequired: decision.entry?.escortRequired, details: decision.entry?.details,
            letOut: decision.letOut?.rawValue, letOutClause: decision.letOut?.clause.code, aging: decision.aging)
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
