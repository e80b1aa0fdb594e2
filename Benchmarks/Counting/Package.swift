// swift-tools-version:6.0
import PackageDescription

// The footfall accuracy table and the tracker's cost per frame. Run from this folder:
//   swift run -c release CountingBenchmark accuracy        (every built-in scenario, 24 h)
//   swift run -c release CountingBenchmark tracker         (µs per 8×8 frame)
let package = Package(
    name: "CountingBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "sensorbox", path: "../..")],
    targets: [
        .executableTarget(
            name: "CountingBenchmark",
            dependencies: [
                .product(name: "Agent", package: "sensorbox"),
                .product(name: "Counting", package: "sensorbox"),
                .product(name: "Simulator", package: "sensorbox"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
