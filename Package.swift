// swift-tools-version:6.0
import PackageDescription

// newslint is built from the Swift toolchain alone: no third-party packages.
let package = Package(
    name: "newslint",
    products: [
        .executable(name: "newslint", targets: ["NewsLintCommand"]),
        .library(name: "NewsLint", targets: ["NewsLint"]),
    ],
    dependencies: [],
    targets: [
        // The engine: decoding, layout, rules, reporters. No argv, no exit(), no printing.
        .target(name: "NewsLint", path: "Sources/NewsLint"),
        // The command-line tool: argument parsing, commands, exit codes.
        .executableTarget(name: "NewsLintCommand", dependencies: ["NewsLint"], path: "Sources/newslint"),
        .testTarget(name: "NewsLintTests", dependencies: ["NewsLint", "NewsLintCommand"], path: "Tests/NewsLintTests",
                    exclude: ["Golden", "Pages", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
