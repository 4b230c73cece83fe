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
        let zone = try desk.replica.state().timeZone
        print(json ? GateDisplay.json(decision) : GateDisplay.text(decision, color: isatty(STDOUT_FILENO) == 1, timeZone: zone))
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
            if json {
                print(GateDisplay.json(decision))
            } else {
                // One scan per screen at a terminal: the guard reads this answer, not the last one.
                let zone = try desk.replica.state().timeZone
                print((color ? GateDisplay.clearScreen : "") + GateDisplay.text(decision, color: color, timeZone: zone) + "\n")
            }
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
        let link = try replica.link()
        let now = Date()
        func time(_ date: Date?) -> String { date.map { GateDisplay.siteTime($0, state.timeZone) } ?? "从未 / never" }
        print("站点 / site: \(state.rules?.site ?? "—")")
        print("上次同步 / last sync: \(time(state.lastSync))\(state.isStale(at: now) ? "  ⚠ 已过期 / STALE" : state.isAging(at: now) ? "  ⚠ 即将过期 / going stale" : "")")
        print("上次联系服务 / last contact: \(time(link.lastContact))")
        if let lastSync = state.lastSync {
            print("数据滞后 / lag: \(Int(now.timeIntervalSince(lastSync))) s")
        }
        if let error = link.error { print("连接错误 / link error: \(error)") }
        print("待上传事件 / events waiting: \(events.pending)")
        print("证件 / entries: \(try replica.entryCount())  事件 / events: \(events.total) (待上传 / to upload: \(events.pending), 其中已导出到文件 / of which written to a file: \(events.exported))")
        print("快照游标 / snapshot cursor: \(state.cursor)")
        if let progress = try replica.snapshotProgress() {
            print("未完成的快照 / snapshot in progress: \(progress.since) → \(progress.through), 下一页从 / next page after \(progress.next.kind.rawValue):\(progress.next.credentialId)")
        }
    }
}
