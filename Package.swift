// swift-tools-version:6.0
import PackageDescription

// Layers and what each may import: see DESIGN.md. Every Swift target is built in the Swift 6
// language mode (strict concurrency).
let package = Package(
    name: "sensorbox",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sensorbox", targets: ["sensorbox"]),
        .library(name: "Hardware", targets: ["Hardware"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        // For the benchmark packages (Benchmarks/Journal, Benchmarks/Counting).
        .library(name: "Journal", targets: ["Journal"]),
        .library(name: "Counting", targets: ["Counting"]),
        .library(name: "Agent", targets: ["Agent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // C shims: the only places that include Linux or C++ headers.
        .target(
            name: "CSensorboxLinux",
            linkerSettings: [.linkedLibrary("i2c"), .linkedLibrary("gpiod")]
        ),
        .target(name: "CTOMLShim"),

        // Protocols only: I2C bus, GPIO edge lines, clock, errors.
        .target(name: "Hardware"),
        .target(name: "HardwareLinux", dependencies: ["Hardware", "CSensorboxLinux"]),
        .target(name: "Simulator", dependencies: ["Hardware"], path: "Simulator"),

        .target(name: "Sensors", dependencies: ["Hardware"]),
        .target(name: "Counting", dependencies: ["Hardware", "Sensors"]),
        .target(name: "Aggregation", dependencies: ["Hardware", "Sensors"]),
        .target(name: "Journal", dependencies: ["Hardware", "Aggregation"]),
        .target(name: "Uplink", dependencies: ["Aggregation", "Journal"]),
        .target(
            name: "Agent",
            dependencies: [
                "Hardware", "HardwareLinux", "Simulator", "Sensors", "Counting", "Aggregation",
                "Journal", "Uplink", "CTOMLShim",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "sensorbox",
            dependencies: ["Agent", "HardwareLinux", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "HardwareTests", dependencies: ["Hardware"]),
        .testTarget(name: "HardwareLinuxTests", dependencies: ["HardwareLinux", "Hardware"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Hardware"]),
        .testTarget(name: "SensorsTests", dependencies: ["Sensors", "Simulator", "Hardware"]),
        .testTarget(name: "CountingTests", dependencies: ["Counting", "Simulator", "Hardware", "Aggregation", "Agent"]),
        .testTarget(name: "AggregationTests", dependencies: ["Aggregation", "Sensors", "Hardware"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "Aggregation", "Hardware"]),
        .testTarget(name: "UplinkTests", dependencies: ["Uplink", "Journal", "Aggregation"]),
        .testTarget(
            name: "AgentTests", dependencies: ["Agent", "Simulator", "Sensors", "Hardware", "Journal"],
            // Config files the tests read by path (#filePath): not resources, which need Foundation.
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "sensorboxTests", dependencies: ["sensorbox", "Simulator"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
