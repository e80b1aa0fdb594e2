import Hardware
import Journal
import Logging
import Sensors

/// Runs one sensor for the scheduler: starts it, samples it, and recovers it without restarting
/// the agent — one failing sensor never stops the box.
///
/// Policy (after the reference drivers): a failed read is a warning; after
/// ``recoverAfterFailures`` failures in a row the supervisor calls the driver's `recover()`
/// (a soft reset and restart). A sensor that cannot be started (unplugged) is retried with an
/// exponential backoff up to ``maximumBackoff``, so a missing chip does not flood the bus or the log.
/// Quality flags that need history (stuck, degraded, out of range, high humidity) are the
/// agent's ``QualityMonitor``'s; the supervisor reports each failed tick to it.
final class SensorSupervisor {
    let sensor: any Sensor
    private(set) var health: SensorHealth
    var recoverAfterFailures = 3
    var maximumBackoff: Duration = .seconds(60)

    private let clock: any BoxClock
    private let logger: Logger
    private var started = false
    private var retryAt: MonotonicInstant = .zero
    private var backoff: Duration = .seconds(1)

    init(sensor: any Sensor, clock: any BoxClock, logger: Logger) {
        self.sensor = sensor
        self.clock = clock
        self.logger = logger
        self.health = SensorHealth(sensor: sensor.id, model: sensor.model)
    }

    /// What one scheduler tick produced.
    struct Outcome {
        var readings: [Reading] = []
        var events: [HealthEvent] = []
        /// The start or the read failed.
        var failed = false
    }

    /// One scheduler tick: readings to aggregate, health events for the journal.
    func tick() async -> Outcome {
        var events: [HealthEvent] = []
        let now = clock.now()
        if !started {
            guard now >= retryAt else { return Outcome() }
            do {
                try await sensor.start()
                started = true
                backoff = .seconds(1)
                logger.info("started", metadata: ["sensor": "\(sensor.id)"])
                if health.state == .failing || health.totalErrors > 0 {
                    events.append(event(.info, "sensor.recovered", "\(sensor.model) started after \(health.totalErrors) errors"))
                }
                health.state = .running
                health.consecutiveFailures = 0
            } catch {
                fail(error, during: "start", events: &events)
                retryAt = now.advanced(by: backoff)
                backoff = min(backoff * 2, maximumBackoff)
                return Outcome(events: events, failed: true)
            }
        }
        do {
            let readings = try await sensor.sample()
            if health.state == .failing {
                logger.notice("recovered", metadata: ["sensor": "\(sensor.id)"])
                events.append(event(.info, "sensor.recovered", "\(sensor.model) reads again after \(health.consecutiveFailures) failed reads"))
            }
            health.state = .running
            health.consecutiveFailures = 0
            health.reads += 1
            if !readings.isEmpty {
                health.lastReadingTime = readings[0].time
                for reading in readings { health.lastValues[reading.quantity] = reading.value }
            }
            return Outcome(readings: readings, events: events)
        } catch {
            fail(error, during: "read", events: &events)
            if health.consecutiveFailures % recoverAfterFailures == 0 {
                health.recoveries += 1
                logger.warning("recovering: soft reset and restart", metadata: ["sensor": "\(sensor.id)"])
                do {
                    try await sensor.recover()
                } catch {
                    // Could not even restart it: back to the start path with backoff.
                    started = false
                    retryAt = clock.now().advanced(by: backoff)
                    backoff = min(backoff * 2, maximumBackoff)
                }
            }
            return Outcome(events: events, failed: true)
        }
    }

    private func fail(_ error: any Error, during phase: String, events: inout [HealthEvent]) {
        let description = SensorError(error).description
        health.totalErrors += 1
        health.consecutiveFailures += 1
        health.lastError = "\(phase): \(description)"
        if health.state != .failing {
            logger.warning("\(phase) failed: \(description)", metadata: ["sensor": "\(sensor.id)"])
            events.append(event(.warning, "sensor.failed", "\(sensor.model) \(phase) failed: \(description)"))
        }
        health.state = .failing
    }

    private func event(_ severity: HealthEvent.Severity, _ kind: String, _ message: String) -> HealthEvent {
        HealthEvent(sensor: sensor.id, severity: severity, kind: kind, message: message)
    }
}
