import ColopassCore
import Foundation

/// Arguments reach the core as text: one that is not UTF-8 (`--name $'\xff\xfe'`) is refused
/// before parsing (exit 2) rather than stored with replacement characters.
enum ArgumentText {
    /// The first argument that is not valid UTF-8, named by the option it follows.
    static func firstInvalid() -> String? {
        var previous: String?
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            guard let text = String(validatingCString: pointer) else {
                if let previous, previous.hasPrefix("-") { return previous }
                return "argument \(index)"
            }
            previous = text
        }
        return nil
    }

    static func refuseInvalid() {
        guard let field = firstInvalid() else { return }
        ExitStatus.printError(
            CoreError.invalid(field, zh: "参数不是有效的 UTF-8 文字", en: "the argument is not valid UTF-8 text").message.line)
        exit(ExitStatus.invalid)
    }
}
