import ArgumentParser
import GateKernel
import Foundation
import GateCheck

typealias GateEventDirection = GateEvent.Direction

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "核验一次扫码 / Decide one scan (exit 0 granted, 1 denied, 2 error)")
    @OptionGroup var options: GateOptions
    @OptionGroup var door: DoorOptions
    @Argument(help: "The scanned QR text.") var payload: String
    @Flag(help: "The guard confirms the exit slip's items and movers, or the emergency ID.") var confirm = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let desk = try GateDesk(replica: try options.replica(), gate: door.gate, direction: try door.parsedDirection())
        let decision = try desk.decide(payload, confirm: { _, _ in confirm })
        print(json ? GateDisplay.json(decision) : GateDisplay.text(decision, color: isatty(STDOUT_FILENO) == 1))
        if !decision.granted { throw ExitCode(1) }
    }
}

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "连续扫码（每行一次）/ Decide scans from the scanner, one per line, until EOF")
    @OptionGroup var options: GateOptions
    @OptionGroup var door: DoorOptions
    @Flag(help: "Print one JSON line per decision.") var json = false

    func run() throws {
        let desk = try GateDesk(replica: try options.replica(), gate: door.gate, direction: try door.parsedDirection())
        let color = isatty(STDOUT_FILENO) == 1
        if !json { print("门禁 \(door.gate) (\(door.direction)) 就绪，请扫码 / ready, scan a badge or slip") }
        while let line = readLine() {
            if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            let decision = try desk.decide(line) { question, entry in
                print(GateDisplay.question(question, entry))
                fflush(nil)
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                return answer == "y" || answer == "yes" || answer == "是"
            }
            print(json ? GateDisplay.json(decision) : GateDisplay.text(decision, color: color) + "\n")
            fflush(nil)
        }
    }
}

struct Inside: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "当前在机房内人员（疏散点名）/ Who is inside now (evacuation muster list)")
    @OptionGroup var options: GateOptions
    @Flag var json = false

    func run() throws {
        let occupants = try options.replica().occupants()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(occupants), as: UTF8.self))
            return
        }
        print("在内人数 / inside now: \(occupants.count)")
        for person in occupants {
            print("\(person.holderName)\t\(person.company)\t\(person.maskedID.suffix(4))\t\(person.kind.title.en)\t\(person.gate)\t\(person.since.formatted(.iso8601))")
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "门禁数据状态 / Replica status")
    @OptionGroup var options: GateOptions

    func run() throws {
        let replica = try options.replica()
        let state = try replica.state()
        let events = try replica.eventCount()
        print("站点 / site: \(state.rules?.site ?? "—")")
        print("上次同步 / last sync: \(state.lastSync?.formatted(.iso8601) ?? "从未 / never")\(state.isStale(at: Date()) ? "  ⚠ 已过期 / STALE" : "")")
        print("证件 / entries: \(try replica.entryCount())  事件 / events: \(events.total) (待上传 / to upload: \(events.pending), 其中已导出到文件 / of which written to a file: \(events.exported))")
        print("快照游标 / snapshot cursor: \(state.cursor)")
    }
}
