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
    private var pendingAggregates: [Aggregate] = []
    private var pendingEvents: [HealthEvent] = []
    private var pendingFootfall: [FootfallRelease] = []
    /// How often windows are closed and the journal is appended to.
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
        pendingEvents += outcome.events
        if outcome.failed { quality.recordFailure(of: supervisor.sensor.id) }
        guard !outcome.readings.isEmpty else { return }
        let readings = quality.assess(outcome.readings)
        let wall = clock.wallTime()
        for reading in readings {
            pendingAggregates += aggregator.add(reading, at: wall, covering: supervisor.sensor.samplingInterval)
        }
    }

    /// Closes finished windows, appends them and health events durably, forwards to uplinks.
    func flush() async {
        let now = clock.wallTime().time
        pendingAggregates += aggregator.closeWindows(endingBy: now)
        for supervisor in supervisors {
            guard let counter = supervisor.sensor as? any FootfallCounter else { continue }
            do {
                pendingFootfall += try counter.release(completedBy: now)
            } catch {
                // No randomness for the noise: the windows stay with the counter until next time.
                logger.error("footfall release failed: \(error)", metadata: ["sensor": "\(supervisor.sensor.id)"])
            }
        }
        let payloads = pendingEvents.map(JournalPayload.health) + pendingAggregates.map(JournalPayload.aggregate)
            + pendingFootfall.map(JournalPayload.footfall)
        if !payloads.isEmpty {
            do {
                _ = try await journal.append(payloads, time: RecordTime(clock: clock))
                pendingEvents = []
                pendingAggregates = []
                pendingFootfall = []
            } catch {
                // Kept in memory and retried next flush; the journal reports disk-full itself.
                logger.error("journal append failed: \(error)")
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
