import ArgumentParser
import ColopassCore
import Foundation

/// The one place that turns a failure into a message on stderr and an exit code.
enum ExitStatus {
    static let done: Int32 = 0
    static let failure: Int32 = 1
    static let invalid: Int32 = 2
    static let refused: Int32 = 3
    static let notFound: Int32 = 4

    static func report(_ error: Error) -> Int32 {
        switch error {
        case let error as CoreError:
            printError(error.message.line)
            switch error {
            case .refused: return refused
            case .notFound: return notFound
            case .invalidInput: return invalid
            }
        case let error as PolicyError:
            printError("策略文件无效 / invalid policy file: \(error)")
            return invalid
        case let error as ExitCode:
            return error.rawValue
        default:
            let code = Colopass.exitCode(for: error)
            if code == .success || code == .validationFailure || code.rawValue == 64 {
                let message = Colopass.fullMessage(for: error)
                if code == .success { print(message) } else { printError(message) }
                return code == .success ? done : invalid
            }
            printError("错误 / error: \(error)")
            return failure
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
