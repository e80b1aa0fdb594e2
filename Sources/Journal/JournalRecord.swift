import Aggregation
import Hardware
import Sensors

/// Something that happened to the box or one of its sensors, worth telling the data platform:
/// a sensor failed or recovered, the journal repaired itself, the disk filled up.
public struct HealthEvent: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable { case info, warning, error }

    /// The sensor concerned, or `nil` for the box as a whole.
    public var sensor: SensorID?
    public var severity: Severity
    /// A stable machine-readable kind (`sensor.recovered`, `journal.repaired`, `disk.full`).
    public var kind: String
    public var message: String

    public init(sensor: SensorID?, severity: Severity, kind: String, message: String) {
        self.sensor = sensor
        self.severity = severity
        self.kind = kind
        self.message = message
    }
}

/// A range of sequence numbers whose records were lost, and why (retention, corruption).
public struct Gap: Hashable, Sendable {
    public var firstSequence: UInt64
    public var lastSequence: UInt64
    public var reason: String

    public init(firstSequence: UInt64, lastSequence: UInt64, reason: String) {
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.reason = reason
    }
}

/// What a journal record carries.
public enum JournalPayload: Hashable, Sendable {
    case aggregate(Aggregate)
    case footfall(FootfallRelease)
    case health(HealthEvent)
    case gap(Gap)
}

/// When a record was made: monotonic time of its boot, and the wall clock with its trust.
public struct RecordTime: Hashable, Sendable {
    public var monotonic: MonotonicInstant
    public var bootID: String
    public var wall: WallTime
    public var wallSynchronized: Bool

    public init(monotonic: MonotonicInstant, bootID: String, wall: WallTime, wallSynchronized: Bool) {
        self.monotonic = monotonic
        self.bootID = bootID
        self.wall = wall
        self.wallSynchronized = wallSynchronized
    }

    /// The time of `clock` now.
    public init(clock: any BoxClock) {
        let wall = clock.wallTime()
        self.init(monotonic: clock.now(), bootID: clock.bootID, wall: wall.time, wallSynchronized: wall.isSynchronized)
    }
}

/// One durable record: its sequence number (stable id together with the box id), when it was made,
/// and what it carries.
public struct JournalRecord: Hashable, Sendable {
    public var sequence: UInt64
    public var time: RecordTime
    public var payload: JournalPayload

    public init(sequence: UInt64, time: RecordTime, payload: JournalPayload) {
        self.sequence = sequence
        self.time = time
        self.payload = payload
    }
}
