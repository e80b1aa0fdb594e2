import Agent
import Aggregation
import Hardware
import Journal

/// A small journal on the real file system for the report tests: two aggregates, a suppressed
/// footfall release, a health event and a gap record, all at known times.
struct SmallJournal {
    let root: String
    let directory: String
    let journal: FileJournal

    static func time(minute: Int64) -> RecordTime {
        RecordTime(
            monotonic: MonotonicInstant(nanoseconds: UInt64(minute) * 60_000_000_000), bootID: "boot-1",
            wall: june1 + .seconds(minute * 60), wallSynchronized: true)
    }

    static let pm = JournalPayload.aggregate(Aggregate(
        sensor: "pm", quantity: .massConcentrationPM2_5, unit: .microgramsPerCubicMetre,
        windowStart: june1, windowSeconds: 60, mean: 12.5, minimum: 11, maximum: 14.25, count: 60,
        coverageSeconds: 60, quality: []))
    static let humid = JournalPayload.aggregate(Aggregate(
        sensor: "air", quantity: .relativeHumidity, unit: .percentRelativeHumidity,
        windowStart: june1 + .seconds(60), windowSeconds: 60, mean: 81.5, minimum: 80, maximum: .nan, count: 59,
        coverageSeconds: 59.5, quality: [.highHumidity, .degraded], timeSynchronized: false))
    static let footfall = JournalPayload.footfall(FootfallRelease(
        counter: "door", direction: "in", windowStart: june1, windowSeconds: 900, count: nil,
        mechanism: .suppression(minimumCount: 5), coverageSeconds: 900))
    static let health = JournalPayload.health(HealthEvent(
        sensor: "soil", severity: .warning, kind: "sensor.failed", message: "no ack, \"twice\""))
    static let gap = JournalPayload.gap(Gap(firstSequence: 100, lastSequence: 120, reason: "retention: size limit"))

    /// Records 1...5: pm at minute 1, humidity at 2, footfall at 15, health at 16, gap at 17.
    init(cursors: [String] = ["stdout"], segmentBytes: Int = 256) async throws {
        root = temporaryDirectory("journal-report")
        directory = root + "/journal"
        journal = try FileJournal(
            configuration: Self.configuration(directory: directory, cursors: cursors, segmentBytes: segmentBytes),
            time: Self.time(minute: 0))
        _ = try await journal.append([Self.pm], time: Self.time(minute: 1))
        _ = try await journal.append([Self.humid], time: Self.time(minute: 2))
        _ = try await journal.append([Self.footfall], time: Self.time(minute: 15))
        _ = try await journal.append([Self.health], time: Self.time(minute: 16))
        _ = try await journal.append([Self.gap], time: Self.time(minute: 17))
    }

    static func configuration(directory: String, cursors: [String] = ["stdout"], segmentBytes: Int = 256) -> JournalConfiguration {
        JournalConfiguration(directory: directory, segmentBytes: segmentBytes, cursors: cursors)
    }

    func remove() {
        journal.close()
        removeTree(root)
    }
}
