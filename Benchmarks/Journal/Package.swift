// swift-tools-version:6.0
import PackageDescription

// The journal's benchmark, kill -9 loop and disk-full check: a package of its own so that the
// product package stays free of benchmark code. Run from this folder:
//   swift run -c release journal-tool bench /tmp/journal-bench
//   swift run -c release journal-tool kill-loop /tmp/journal-kill 200
let package = Package(
    name: "JournalBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "sensorbox", path: "../..")],
    targets: [
        .executableTarget(
            name: "journal-tool",
            dependencies: [.product(name: "Journal", package: "sensorbox")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
