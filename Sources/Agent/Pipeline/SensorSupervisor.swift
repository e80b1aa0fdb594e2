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
/// Readings within ``degradedPeriod`` after an error carry the `degraded` flag.
final class SensorSupervisor {
    let sensor: any Sensor
    private(set) var health: SensorHealth
    var recoverAfterFailures = 3
    var maximumBackoff: Duration = .seconds(60)
    var degradedPeriod: Duration = .seconds(60)

    private let clock: any BoxClock
    private let logger: Logger
    private var started = false
    private var retryAt: MonotonicInstant = .zero
    private var backoff: Duration = .seconds(1)
    private var degradedUntil: MonotonicInstant?

    init(sensor: any Sensor, clock: any BoxClock, logger: Logger) {
        self.sensor = sensor
        self.clock = clock
        self.logger = logger
        self.health = SensorHealth(sensor: sensor.id, model: sensor.model)
    }

    /// One scheduler tick: readings to aggregate, and health events for the journal.
    func tick() async -> (readings: [Reading], events: [HealthEvent]) {
        var events: [HealthEvent] = []
        let now = clock.now()
        if !started {
            guard now >= retryAt else { return ([], []) }
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
                return ([], events)
            }
        }
        do {
            var readings = try await sensor.sample()
            if health.state == .failing {
                logger.notice("recovered", metadata: ["sensor": "\(sensor.id)"])
                events.append(event(.info, "sensor.recovered", "\(sensor.model) reads again after \(health.consecutiveFailures) failed reads"))
            }
            health.state = .running
            health.consecutiveFailures = 0
            if let until = degradedUntil {
                if clock.now() < until {
                    for index in readings.indices { readings[index].quality.insert(.degraded) }
                } else {
                    degradedUntil = nil
                }
            }
            if !readings.isEmpty {
                health.readings += readings.count
                health.lastReadingTime = readings[0].time
                for reading in readings { health.lastValues[reading.quantity] = reading.value }
            }
            return (readings, events)
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
            return ([], events)
        }
    }

    private func fail(_ error: any Error, during phase: String, events: inout [HealthEvent]) {
        let description = SensorError(error).description
        health.totalErrors += 1
        health.consecutiveFailures += 1
        health.lastError = "\(phase): \(description)"
        degradedUntil = clock.now().advanced(by: degradedPeriod)
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
