import ArgumentParser
import GateCheck

/// `gate-check`: the guard's door tool. Decisions come from the core's verification function
/// against the gate's own replica (see the GateCheck library).
@main
struct GateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate-check", abstract: "机房门禁核验 / Machine-room door check",
        version: GateCheckVersion.current)
}
