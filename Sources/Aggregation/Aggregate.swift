import Hardware
import Sensors

/// The statistics of one quantity of one sensor over one clock-aligned window: what the journal
/// stores and the uplinks send.
public struct Aggregate: Hashable, Sendable {
    public var sensor: SensorID
    public var quantity: Quantity
    public var unit: Unit
    /// Start of the window on the wall clock, aligned to a multiple of ``windowSeconds``.
    public var windowStart: WallTime
    /// Length of the window in seconds (60 for the default PM window).
    public var windowSeconds: Int64
    public var mean: Double
    public var minimum: Double
    public var maximum: Double
    /// Number of readings in the window.
    public var count: Int
    /// Seconds of the window for which the sensor delivered readings (≤ ``windowSeconds``).
    public var coverageSeconds: Double
    /// Union of the readings' quality flags.
    public var quality: QualityFlags
    /// `false` when the window was stamped before the wall clock was known to be synchronised:
    /// ``windowStart`` must then be corrected once the clock offset is known.
    public var timeSynchronized: Bool

    public init(
        sensor: SensorID, quantity: Quantity, unit: Unit, windowStart: WallTime, windowSeconds: Int64,
        mean: Double, minimum: Double, maximum: Double, count: Int, coverageSeconds: Double,
        quality: QualityFlags, timeSynchronized: Bool = true
    ) {
        self.sensor = sensor
        self.quantity = quantity
        self.unit = unit
        self.windowStart = windowStart
        self.windowSeconds = windowSeconds
        self.mean = mean
        self.minimum = minimum
        self.maximum = maximum
        self.count = count
        self.coverageSeconds = coverageSeconds
        self.quality = quality
        self.timeSynchronized = timeSynchronized
    }
}
