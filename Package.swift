// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Colopass",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "colopass", targets: ["colopass"]),
        .executable(name: "gate-check", targets: ["gate-check"]),
        .library(name: "ColopassCore", targets: ["ColopassCore"]),
        .library(name: "GateKernel", targets: ["GateKernel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // YAML is the policy file's format; Yams wraps libyaml and adds nothing else.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The web pages' templates: Mustache escapes every value unless a template says otherwise.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CQREncode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        // Notifications: e-mail through the site's SMTP server and signed webhooks, both by libcurl.
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // What the service and the gate share, and nothing else: no YAML, no QR or PNG, no service
        // migrations. `gate-check` links this and not ColopassCore.
        .target(
            name: "GateKernel",
            dependencies: ["COpenSSL", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "ColopassCore",
            dependencies: [
                "GateKernel", "COpenSSL", "CQREncode", "CPNG", "CCurl",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "ColopassServer",
            dependencies: [
                "ColopassCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The OpenAPI document is served at /openapi.yaml and checked against the route table;
            // the pages' templates (one file per page, a shared layout) are read once at start.
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/templates")]),
        .target(
            name: "GateCheck",
            dependencies: [
                "GateKernel", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own binding calls: a first sync binds 18 values for each of its entries.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .executableTarget(
            name: "colopass",
            dependencies: [
                "ColopassCore", "ColopassServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "gate-check",
            dependencies: [
                "GateCheck", "GateKernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The guard's station page (`gate-check station`), served on the loopback.
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .executableTarget(
            name: "colopass-bench",
            dependencies: ["ColopassCore", "GateCheck", .product(name: "GRDB", package: "GRDB.swift")]),
        // Starting child processes in tests without Foundation's `Process.run()` (see ChildProcess).
        .target(name: "CSpawn", path: "Tests/Support/CSpawn"),
        .target(name: "TestProcesses", dependencies: ["CSpawn"], path: "Tests/Support/TestProcesses"),
        .testTarget(
            name: "ColopassCoreTests",
            dependencies: ["ColopassCore", "TestProcesses", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GateKernelTests",
            dependencies: ["GateKernel"]),
        .testTarget(
            name: "ColopassServerTests",
            dependencies: [
                "ColopassServer", "ColopassCore", "TestProcesses",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Already a dependency (the policy loader's): parses openapi.yaml in the route test.
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // The pages' escaping is checked against Mustache's own.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GateCheckTests",
            dependencies: [
                "GateCheck", "GateKernel", "ColopassCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ColopassCore", "TestProcesses"]),
    ],
    swiftLanguageModes: [.v6]
)
