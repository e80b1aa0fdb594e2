import Aggregation
import Hardware
import Journal
import Sensors

/// Payloads and times shared by the journal tests.
enum Fixtures {
    static let directory = "/journal"

    static func time(_ second: Int64, synchronized: Bool = true) -> RecordTime {
        RecordTime(
            monotonic: MonotonicInstant(nanoseconds: UInt64(second) * 1_000_000_000 + 17),
            bootID: "6c1f0d9e-1b7e-4a5e-9a43-0f7f2f9b2c11",
            wall: WallTime(secondsSinceEpoch: 1_764_000_000 + second), wallSynchronized: synchronized
        )
    }

    static func aggregate(_ index: Int) -> JournalPayload {
        .aggregate(Aggregate(
            sensor: "pm", quantity: .massConcentrationPM2_5, unit: .microgramsPerCubicMetre,
            windowStart: WallTime(secondsSinceEpoch: 1_764_000_000 + Int64(index) * 60), windowSeconds: 60,
            mean: 12.5 + Double(index), minimum: 3.25, maximum: 40.0 + Double(index % 7), count: 60,
            coverageSeconds: 59.5, quality: index % 3 == 0 ? [.highHumidity] : []
        ))
    }

    static let footfall = JournalPayload.footfall(FootfallRelease(
        counter: "door", direction: "in", windowStart: WallTime(secondsSinceEpoch: 1_764_000_900),
        windowSeconds: 900, count: nil, mechanism: .suppression(minimumCount: 5), coverageSeconds: 880.5,
        timeSynchronized: false
    ))

    static let health = JournalPayload.health(HealthEvent(
        sensor: "soil-north", severity: .error, kind: "sensor.failed", message: "no acknowledge at 0x36 — ünïcode"
    ))

    static let gap = JournalPayload.gap(Gap(firstSequence: 10, lastSequence: 99, reason: "retention"))

    /// Every payload kind with a variety of field values.
    static let allKinds: [JournalPayload] = [
        aggregate(0), aggregate(4),
        .aggregate(Aggregate(
            sensor: "", quantity: Quantity("x"), unit: .volt, windowStart: WallTime(nanosecondsSinceEpoch: -5),
            windowSeconds: 1, mean: -.infinity, minimum: -0.0, maximum: .greatestFiniteMagnitude, count: 0,
            coverageSeconds: 0, quality: QualityFlags(rawValue: 0x1FF), timeSynchronized: false
        )),
        footfall,
        .footfall(FootfallRelease(
            counter: "beam", direction: "out", windowStart: WallTime(secondsSinceEpoch: 0), windowSeconds: 3600,
            count: 42, mechanism: .exact, coverageSeconds: 3600
        )),
        .footfall(FootfallRelease(
            counter: "thermal", direction: "north", windowStart: WallTime(secondsSinceEpoch: 1), windowSeconds: 60,
            count: 0, mechanism: .differentialPrivacy(epsilon: 0.5), coverageSeconds: 12.25
        )),
        health,
        .health(HealthEvent(sensor: nil, severity: .info, kind: "agent.started", message: "")),
        .health(HealthEvent(sensor: "pm", severity: .warning, kind: "sensor.recovered", message: "after 3 tries")),
        gap,
    ]

    static func configuration(
        segmentBytes: Int = 1024, maximumBytes: Int = 1 << 20, cursors: [String] = ["platform"],
        compaction: Int = 64 << 10
    ) -> JournalConfiguration {
        JournalConfiguration(
            directory: directory, segmentBytes: segmentBytes, maximumBytes: maximumBytes, cursors: cursors,
            cursorLogCompactionBytes: compaction
        )
    }

    static func open(
        _ fileSystem: MemoryFileSystem, _ configuration: JournalConfiguration = configuration(), at second: Int64 = 0
    ) throws -> FileJournal {
        try FileJournal(configuration: configuration, fileSystem: fileSystem, time: time(second))
    }

    /// The segment files in the journal directory, by first sequence.
    static func segmentPaths(_ fileSystem: MemoryFileSystem) -> [String] {
        fileSystem.paths.filter { $0.hasPrefix(directory + "/") && $0.hasSuffix(".seg") && !$0.contains("quarantine") }
    }

    /// The payloads of records, without gap and health records the journal writes itself.
    static func dataPayloads(_ records: [JournalRecord]) -> [JournalPayload] {
        records.map(\.payload).filter { if case .aggregate = $0 { true } else { false } }
    }
}
