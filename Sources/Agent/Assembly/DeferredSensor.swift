import Aggregation
import Hardware
import Journal
import Sensors

/// A configured sensor whose driver is built at its first start, not at agent start: when the
/// bus does not open (`/dev/i2c-1` missing, a GPIO chip absent) the start fails with that reason,
/// the supervisor retries it with backoff and `status` shows why — while every other sensor of
/// the box keeps running.
final class DeferredSensor: Sensor, FootfallCounter {
    let id: SensorID
    let model: String
    let samplingInterval: Duration
    private let build: () throws -> any Sensor
    private var built: (any Sensor)?

    /// - Parameter build: tried at every start until it succeeds; its error is the start's error.
    init(id: SensorID, model: String, samplingInterval: Duration, build: @escaping () throws -> any Sensor) {
        self.id = id
        self.model = model
        self.samplingInterval = samplingInterval
        self.build = build
    }

    private func sensor() throws -> any Sensor {
        if let built { return built }
        let sensor = try build()
        built = sensor
        return sensor
    }

    func start() async throws { try await sensor().start() }
    func sample() async throws -> [Reading] { try await sensor().sample() }
    func recover() async throws { try await sensor().recover() }
    func identify() async throws -> SensorIdentity { try await sensor().identify() }

    /// A footfall counter's releases; nothing for other sensors or before the first start.
    func release(completedBy now: WallTime) throws -> [FootfallRelease] {
        try (built as? any FootfallCounter)?.release(completedBy: now) ?? []
    }

    func takeHealthEvents() -> [HealthEvent] {
        (built as? any FootfallCounter)?.takeHealthEvents() ?? []
    }
}

/// Why a sensor could not be built.
struct AssemblyError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
