import ArgumentParser
import ColopassCore
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "审计日志 / Audit log", subcommands: [Verify.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验哈希链 / Verify the hash chain and its signed checkpoints (exit 1 when broken)")
        @OptionGroup var global: GlobalOptions
        @Option(
            name: .customLong("checkpoint"),
            help: "Signed checkpoints from elsewhere (`gate-check checkpoints --out FILE`); repeatable.")
        var checkpointFiles: [String] = []

        func run() throws {
            let core = try global.openCore()
            let extra = try checkpointFiles.map { path -> (source: String, text: String) in
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CoreError.invalid(
                        "checkpoint", zh: "无法读取检查点文件 \(path)", en: "cannot read the checkpoint file \(path)")
                }
                return ("file \(path)", text)
            }
            let result = try core.audit.verifyAudit(by: try global.actor(core), extra: extra)
            if global.json {
                Output.json(AuditVerificationView(result))
            } else {
                if let firstBreak = result.firstBreak {
                    print("审计链断裂 / audit chain broken at record \(firstBreak.seq): \(firstBreak.reason)")
                }
                for rejected in result.rejectedCheckpoints {
                    print("检查点不可信 / checkpoint not trusted: \(rejected)")
                }
                if result.intact {
                    print("审计链完整 / audit chain intact: \(result.checked) records")
                }
                if let anchor = result.anchor {
                    print(
                        "已对照 \(result.checkpointsChecked) 个签名检查点，最新至第 \(anchor.seq) 条 / held to \(result.checkpointsChecked) signed checkpoint(s), the newest at record \(anchor.seq) (\(anchor.signedAt))"
                    )
                }
                if let signed = result.signed {
                    print("已签署检查点 / checkpoint signed: record \(signed.seq), key \(signed.keyId)")
                }
            }
            if !result.intact { throw ExitCode(ExitStatus.failure) }
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
                     $0.tampered ? "\($0.outcome) ⚠ 已篡改/tampered" : $0.outcome]
                })
        }
    }
}

/// `audit verify --json`, and the API's answer: the same fields.
struct AuditVerificationView: Encodable {
    var checked: Int
    var intact: Bool
    var firstBreak: Break?
    var headSeq: Int64
    var checkpointsChecked: Int
    var newestCheckpoint: AuditCheckpoint?
    var rejectedCheckpoints: [String]
    var signedCheckpoint: AuditCheckpoint?

    struct Break: Encodable {
        var seq: Int64
        var reason: String
    }

    init(_ result: AuditTrail.Verification) {
        checked = result.checked
        intact = result.intact
        firstBreak = result.firstBreak.map { Break(seq: $0.seq, reason: $0.reason) }
        headSeq = result.headSeq
        checkpointsChecked = result.checkpointsChecked
        newestCheckpoint = result.anchor
        rejectedCheckpoints = result.rejectedCheckpoints
        signedCheckpoint = result.signed
    }
}
