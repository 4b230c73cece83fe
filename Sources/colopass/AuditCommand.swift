import ArgumentParser
import ColopassCore
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "审计日志 / Audit log", subcommands: [Verify.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验哈希链 / Verify the hash chain (exit 1 when broken)")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let core = try global.openCore()
            let (checked, firstBreak) = try core.audit.verifyAudit(by: try global.actor(core))
            if global.json {
                Output.json(["checked": String(checked), "first_break": firstBreak.map { String($0.seq) } ?? "",
                             "reason": firstBreak?.reason ?? ""])
            } else if let firstBreak {
                print("审计链断裂 / audit chain broken at record \(firstBreak.seq): \(firstBreak.reason)")
            } else {
                print("审计链完整 / audit chain intact: \(checked) records")
            }
            if firstBreak != nil { throw ExitCode(ExitStatus.failure) }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看记录 / List records")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this entity (client, contract, person, card, …).") var entity: String?
        @Option(help: "Only this entity key.") var key: String?
        @Option(help: "Most recent N records.") var limit: Int = 50

        func run() throws {
            let core = try global.openCore()
            let records = try core.audit.auditRecords(entity: entity, key: key, limit: limit, by: try global.actor(core))
            if global.json { return Output.json(records) }
            Output.table(
                ["#", "时间/at", "操作人/actor", "操作/action", "对象/entity", "条款/clause", "结果/outcome"],
                records.map {
                    [String($0.seq), $0.at, $0.actor, $0.action, "\($0.entity) \($0.entityKey)", $0.clause ?? "",
                     $0.outcome.rawValue]
                })
        }
    }
}
