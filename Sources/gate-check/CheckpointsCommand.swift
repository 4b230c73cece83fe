import ArgumentParser
import Foundation
import GateCheck

/// The service's signed audit checkpoints this gate received, for
/// `colopass audit verify --checkpoint FILE`: evidence of how far the audit chain reached,
/// held where a service's database cannot reach.
struct Checkpoints: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导出审计检查点 / Export the signed audit checkpoints this gate holds (one JSON line each)")
    @OptionGroup var options: GateOptions
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() throws {
        let lines = try options.replica().auditCheckpointLines()
        let text = lines.map { $0 + "\n" }.joined()
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                throw ValidationError("cannot write \(out)")
            }
            FileHandle.standardError.write(Data("已导出 \(lines.count) 个检查点 / exported \(lines.count) checkpoint(s)\n".utf8))
        } else {
            print(text, terminator: "")
        }
    }
}
