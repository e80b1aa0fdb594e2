import Hardware
import Sensors

/// Aggregates readings into clock-aligned windows per sensor and quantity: mean, minimum,
/// maximum, count, coverage and the union of quality flags.
///
/// Windows are aligned on the wall clock (a 1-minute window starts at :00 seconds), so boxes across
/// the city report comparable windows. A window closes when a reading for a later window arrives
/// or when ``closeWindows(endingBy:)`` is called after its end, so a silent sensor still gets its
/// (partial) window reported.
public struct WindowAggregator: Sendable {
    private struct Key: Hashable, Comparable {
        var sensor: SensorID
        var quantity: Quantity
        static func < (a: Key, b: Key) -> Bool { (a.sensor, a.quantity) < (b.sensor, b.quantity) }
    }

    private struct OpenWindow {
        var unit: Unit
        var start: WallTime
        var seconds: Int64
        var sum = 0.0
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var count = 0
        var coverage = 0.0
        var quality: QualityFlags = []
        var synchronized = true

        mutating func add(_ value: Double, quality flags: QualityFlags, covering seconds: Double, synchronized sync: Bool) {
            sum += value
            minimum = min(minimum, value)
            maximum = max(maximum, value)
            count += 1
            coverage += seconds
            quality.formUnion(flags)
            synchronized = synchronized && sync
        }
    }

    private var windowSeconds: [SensorID: Int64]
    private let defaultWindowSeconds: Int64
    private var open: [Key: OpenWindow] = [:]

    /// - Parameters:
    ///   - windows: the window length in seconds per sensor (must divide a day).
    ///   - defaultWindowSeconds: for sensors not in `windows` (60: one minute, the PM default).
    public init(windows: [SensorID: Int64] = [:], defaultWindowSeconds: Int64 = 60) {
        self.windowSeconds = windows
        self.defaultWindowSeconds = defaultWindowSeconds
    }

    /// The window length for `sensor`, in seconds.
    public func windowLength(for sensor: SensorID) -> Int64 { windowSeconds[sensor] ?? defaultWindowSeconds }

    /// The start of the window of length `seconds` that contains `time`.
    public static func windowStart(containing time: WallTime, seconds: Int64) -> WallTime {
        WallTime(secondsSinceEpoch: time.secondsSinceEpoch.floorDivided(by: seconds) * seconds)
    }

    /// Adds a reading made at wall time `wall`; returns the windows it closed.
    ///
    /// - Parameter covering: how much of the window this reading stands for (its sampling interval).
    public mutating func add(_ reading: Reading, at wall: WallClockReading, covering: Duration) -> [Aggregate] {
        let key = Key(sensor: reading.sensor, quantity: reading.quantity)
        let seconds = windowLength(for: reading.sensor)
        let start = Self.windowStart(containing: wall.time, seconds: seconds)
        var closed: [Aggregate] = []
        if let current = open[key], current.start != start {
            closed.append(Self.aggregate(key, current))
            open[key] = nil
        }
        open[key, default: OpenWindow(unit: reading.unit, start: start, seconds: seconds)]
            .add(reading.value, quality: reading.quality, covering: covering.seconds, synchronized: wall.isSynchronized)
        return closed
    }

    /// Closes every window that ended at or before `time`, in a stable order (sensor, quantity).
    public mutating func closeWindows(endingBy time: WallTime) -> [Aggregate] {
        let due = open.filter { $0.value.start + .seconds($0.value.seconds) <= time }.keys.sorted()
        return due.compactMap { key in open.removeValue(forKey: key).map { Self.aggregate(key, $0) } }
    }

    /// Closes every open window now, complete or not (at shutdown).
    public mutating func closeAll() -> [Aggregate] {
        let keys = open.keys.sorted()
        defer { open = [:] }
        return keys.map { Self.aggregate($0, open[$0]!) }
    }

    private static func aggregate(_ key: Key, _ window: OpenWindow) -> Aggregate {
        Aggregate(
            sensor: key.sensor, quantity: key.quantity, unit: window.unit, windowStart: window.start,
            windowSeconds: window.seconds, mean: window.sum / Double(max(window.count, 1)),
            minimum: window.minimum, maximum: window.maximum, count: window.count,
            coverageSeconds: min(window.coverage, Double(window.seconds)), quality: window.quality,
            timeSynchronized: window.synchronized)
    }
}
