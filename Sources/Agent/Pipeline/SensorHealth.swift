import Hardware
import Sensors

/// What the box knows about one sensor's health: for the summary of a run and health events.
public struct SensorHealth: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        /// Not started yet, or waiting to retry a failed start.
        case starting
        /// Delivering readings.
        case running
        /// The last reads failed; recovery is under way.
        case failing
    }

    public var sensor: SensorID
    public var model: String
    public var state: State = .starting
    public var consecutiveFailures = 0
    public var totalErrors = 0
    public var recoveries = 0
    /// Reads that succeeded (a footfall counter's frames or edge collections included, though
    /// they deliver no readings: footfall is released per window).
    public var reads = 0
    public var lastError: String?
    public var lastReadingTime: MonotonicInstant?
    public var lastValues: [Quantity: Double] = [:]

    public init(sensor: SensorID, model: String) {
        self.sensor = sensor
        self.model = model
    }
}
