import Aggregation
import Hardware
import Journal
import Logging
import Sensors
import Uplink

/// The box's pipeline: sensors → aggregation windows → journal → uplinks, on one clock.
///
/// Every sensor is sampled by its ``SensorSupervisor`` at its own interval; once a second the
/// agent closes the windows that ended, appends them (and health events) to the journal — durable
/// when the append returns — and forwards what the journal holds to every uplink.
public final class BoxAgent {
    public let boxID: String
    private let clock: any BoxClock
    private let journal: any Journal
    private let uplinks: [any Uplink]
    private let logger: Logger
    private let supervisors: [SensorSupervisor]
    private var aggregator: WindowAggregator
    private var quality: QualityMonitor
    /// What waits for the next append, in the order it happened.
    private var pending: [JournalPayload] = []
    /// Payloads dropped while the journal refused appends (disk full), not yet reported.
    private var dropped = 0
    private var appendFailing = false
    /// At most this many payloads wait in memory while the journal refuses appends (about an
    /// hour of the built-in box); beyond it the newest are dropped — the journal, too, keeps the
    /// oldest data when the disk is full — and the loss is reported once appends work again.
    public var maximumPending = 20_000
    /// How often windows are closed and the journal is appended to (one commit, one
    /// `fdatasync`): the box config's `journal.commit_interval_ms`. Nothing is appended when
    /// nothing closed, so a box whose windows are a minute long commits about once a minute.
    public var flushInterval: Duration = .seconds(1)
    /// Called after every flush with the clock's time (progress bars).
    public var onFlush: ((MonotonicInstant) -> Void)?

    public init(
        boxID: String, clock: any BoxClock, sensors: [any Sensor], windows: [SensorID: Int64],
        journal: any Journal, uplinks: [any Uplink], logger: Logger,
        quality: QualityMonitor.Configuration = QualityMonitor.Configuration()
    ) {
        self.boxID = boxID
        self.clock = clock
        self.journal = journal
        self.uplinks = uplinks
        self.logger = logger
        self.supervisors = sensors.map { SensorSupervisor(sensor: $0, clock: clock, logger: logger) }
        self.aggregator = WindowAggregator(windows: windows)
        self.quality = QualityMonitor(configuration: quality)
    }

    /// The health of every sensor, in config order.
    public var sensorHealth: [SensorHealth] { supervisors.map(\.health) }

    /// Runs the box until `end` on its clock (for ever when `nil`) or until the task is cancelled.
    /// Before returning it closes the windows that are complete and forwards them.
    public func run(until end: MonotonicInstant? = nil) async {
        var scheduler = SamplingScheduler(clock: clock)
        let start = clock.now()
        for supervisor in supervisors {
            scheduler.add(supervisor.sensor.id, every: supervisor.sensor.samplingInterval, startingAt: start) { [self] in
                await self.sample(supervisor)
            }
        }
        scheduler.add("flush", every: flushInterval, startingAt: start.advanced(by: flushInterval)) { [self] in
            await self.flush()
        }
        await scheduler.run(until: end)
        await flush()
    }

    private func sample(_ supervisor: SensorSupervisor) async {
        let outcome = await supervisor.tick()
        pending += outcome.events.map(JournalPayload.health)
        if outcome.failed { quality.recordFailure(of: supervisor.sensor.id) }
        guard !outcome.readings.isEmpty else { return }
        let readings = quality.assess(outcome.readings)
        let wall = clock.wallTime()
        for reading in readings {
            pending += aggregator.add(reading, at: wall, covering: supervisor.sensor.samplingInterval).map(JournalPayload.aggregate)
        }
    }

    /// Closes finished windows, appends them and health events durably, forwards to uplinks.
    func flush() async {
        let now = clock.wallTime().time
        pending += aggregator.closeWindows(endingBy: now).map(JournalPayload.aggregate)
        for supervisor in supervisors {
            guard let counter = supervisor.sensor as? any FootfallCounter else { continue }
            do {
                pending += try counter.release(completedBy: now).map(JournalPayload.footfall)
            } catch {
                // No randomness for the noise: the windows stay with the counter until next time.
                logger.error("footfall release failed: \(error)", metadata: ["sensor": "\(supervisor.sensor.id)"])
            }
            // After the release: it may have something to say about the windows it released.
            pending += counter.takeHealthEvents().map(JournalPayload.health)
        }
        if pending.count > maximumPending {
            dropped += pending.count - maximumPending
            pending.removeLast(pending.count - maximumPending)
        }
        if dropped > 0 {
            pending.append(.health(HealthEvent(
                sensor: nil, severity: .error, kind: "journal.dropped",
                message: "\(dropped) records dropped while the journal refused appends")))
        }
        if !pending.isEmpty {
            do {
                _ = try await journal.append(pending, time: RecordTime(clock: clock))
                pending = []
                dropped = 0
                if appendFailing { logger.notice("journal accepts appends again") }
                appendFailing = false
            } catch {
                // Kept in memory (bounded) and retried at the next flush; logged once an episode.
                if dropped > 0 { pending.removeLast() }
                if !appendFailing { logger.error("journal append failed, keeping records in memory: \(error)") }
                appendFailing = true
            }
        }
        for uplink in uplinks {
            do {
                try await UplinkForwarder(uplink: uplink).forward(from: journal)
            } catch {
                logger.warning("uplink \(uplink.cursorName) failed: \(error)")
            }
        }
        onFlush?(clock.now())
    }
}
