import ArgumentParser
import Foundation
import GateCheck

/// `gate-check`: the guard's door tool. Decisions come from the core's verifier against the
/// gate's own replica, so the door keeps working when the service is down.
///
/// Exit codes: `verify` 0 granted, 1 denied; 2 for any error (bad usage, no replica, sync failed).
@main
struct GateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate-check", abstract: "机房门禁核验 / Machine-room door check",
        version: GateCheckVersion.current,
        subcommands: [
            InitGate.self, Sync.self, Events.self, Verify.self, Scan.self, Inside.self, Status.self, Run.self,
            Station.self, Checkpoints.self,
        ])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("错误 / error: \(fullMessage(for: error))\n".utf8))
            Foundation.exit(2)
        }
    }
}

struct GateOptions: ParsableArguments {
    @Option(name: .customLong("gate-dir"), help: "The gate's replica folder (default ./gate, or $COLOPASS_GATE_DIR).")
    var gateDir: String?

    var directory: String { gateDir ?? ProcessInfo.processInfo.environment["COLOPASS_GATE_DIR"] ?? "gate" }

    func replica() throws -> Replica { try Replica(directory: directory) }
}

struct DoorOptions: ParsableArguments {
    @Option(help: "This door's name, recorded with every event.") var gate: String
    @Option(help: "in | out") var direction: String

    func parsedDirection() throws -> GateEventDirection {
        guard let value = GateEventDirection(rawValue: direction) else {
            throw ValidationError("--direction must be in or out / 方向须为 in 或 out")
        }
        return value
    }
}
