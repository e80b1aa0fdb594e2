import Hardware
import Sensors

/// How a footfall count was released (the privacy profile of the box config).
public enum ReleaseMechanism: Hashable, Sendable {
    /// The exact count.
    case exact
    /// Counts below `minimumCount` are withheld (``FootfallRelease/count`` is `nil`).
    case suppression(minimumCount: Int)
    /// Two-sided geometric noise with scale 1/ε, clamped at zero; the exact count is never released.
    case differentialPrivacy(epsilon: Double)
}

/// The released count of people crossing one counting line in one direction in one window.
/// Only this — never a frame, a track or a timestamp of a single crossing — leaves the box.
public struct FootfallRelease: Hashable, Sendable {
    /// The counter's sensor id in the box config.
    public var counter: SensorID
    /// The direction's configured name (`in`/`out`, `north`/`south` …).
    public var direction: String
    public var windowStart: WallTime
    public var windowSeconds: Int64
    /// The released count; `nil` when suppressed.
    public var count: Int?
    public var mechanism: ReleaseMechanism
    /// Seconds of the window during which the counter was working.
    public var coverageSeconds: Double
    public var timeSynchronized: Bool

    public init(
        counter: SensorID, direction: String, windowStart: WallTime, windowSeconds: Int64, count: Int?,
        mechanism: ReleaseMechanism, coverageSeconds: Double, timeSynchronized: Bool = true
    ) {
        self.counter = counter
        self.direction = direction
        self.windowStart = windowStart
        self.windowSeconds = windowSeconds
        self.count = count
        self.mechanism = mechanism
        self.coverageSeconds = coverageSeconds
        self.timeSynchronized = timeSynchronized
    }
}
