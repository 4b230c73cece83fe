import Foundation
import TestProcesses
import Testing

/// The boundary the compiler sees, checked on the built binary: the door tool links the kernel,
/// not the service core with its QR and PNG libraries, YAML parser and migrations.
@Suite("gate-check links the gate kernel only")
struct GateCheckLinkTests {
    @Test func gateCheckLinksNeitherLibqrencodeNorLibpng() throws {
        let libraries = try Self.output(of: "/usr/bin/ldd", [try GateCLI.path()])
        #expect(libraries.contains("libcrypto"), "\(libraries)")
        #expect(!libraries.contains("libqrencode"), "\(libraries)")
        #expect(!libraries.contains("libpng"), "\(libraries)")
    }

    @Test func gateCheckHoldsNoServiceCoreAndNoYAML() throws {
        let symbols = try Self.output(of: "/usr/bin/nm", [try GateCLI.path()])
        #expect(symbols.contains("GateKernel"), "the kernel is linked in")
        // Module names appear in every Swift symbol's mangling: none of the service's, none of Yams'.
        #expect(!symbols.contains("ColopassCore"))
        #expect(!symbols.contains("Yams"))
    }

    static func output(of tool: String, _ arguments: [String]) throws -> String {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
