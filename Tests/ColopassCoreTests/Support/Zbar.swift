import Foundation
import TestProcesses

enum Zbar {
    /// zbarimg from Debian's zbar-tools: an independent QR decoder.
    static func decode(_ path: String) throws -> String {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--nodbus", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
