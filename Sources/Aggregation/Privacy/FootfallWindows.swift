import Hardware
import Sensors

/// Sums crossings per direction into clock-aligned windows (default 15 minutes) with the seconds
/// the counter was observing, and releases each completed window once, through a
/// ``PrivacyProfile``. Exact counts live here only until their window is released, then they are
/// dropped; single crossings are never kept with their time beyond their window's sum.
public struct FootfallWindows: Sendable {
    public let counter: SensorID
    /// Directions released for every window, even when nobody crossed (a zero is information too).
    public let directions: [String]
    public let windowSeconds: Int64
    public var profile: PrivacyProfile

    private struct Window: Sendable {
        var counts: [String: Int] = [:]
        var coverageSeconds: Double = 0
        var synchronized = true
    }

    private var windows: [Int64: Window] = [:]
    /// The end of the newest released window: nothing before it may be released again.
    private var releasedThrough: Int64?

    public init(counter: SensorID, directions: [String], windowSeconds: Int64 = 900, profile: PrivacyProfile = .exact) {
        precondition(windowSeconds > 0, "a window has a length")
        self.counter = counter
        self.directions = directions
        self.windowSeconds = windowSeconds
        self.profile = profile
    }

    /// The start of the window holding `time`, in seconds since the epoch.
    public func windowStart(of time: WallTime) -> Int64 {
        time.secondsSinceEpoch.floorDivided(by: windowSeconds) * windowSeconds
    }

    /// The window that takes what happens at `time`: its own, or — for a crossing that completes
    /// after its window was released (a debounce or a late tick) — the first window not released
    /// yet. A released window is never released a second time: upstream, a second value for the
    /// same window would overwrite the first, and with `dp` it would be a second noise draw.
    private func openWindowStart(of time: WallTime) -> Int64 {
        let start = windowStart(of: time)
        if let releasedThrough, start < releasedThrough { return releasedThrough }
        return start
    }

    /// Counts one crossing in `direction` at wall time `time`.
    public mutating func record(direction: String, at time: WallTime, synchronized: Bool = true) {
        let start = openWindowStart(of: time)
        windows[start, default: Window()].counts[direction, default: 0] += 1
        if !synchronized { windows[start]?.synchronized = false }
    }

    /// The counter was working from `start` to `end`: adds the seconds to the windows they fall in.
    public mutating func observe(from start: WallTime, to end: WallTime, synchronized: Bool = true) {
        var cursor = max(start, releasedThrough.map { WallTime(secondsSinceEpoch: $0) } ?? start)
        while cursor < end {
            let windowStart = windowStart(of: cursor)
            let windowEnd = WallTime(secondsSinceEpoch: windowStart + windowSeconds)
            let until = min(end, windowEnd)
            windows[windowStart, default: Window()].coverageSeconds += (until - cursor).seconds
            if !synchronized { windows[windowStart]?.synchronized = false }
            cursor = until
        }
    }

    /// Releases every window that ended by `now`, oldest first, one value per direction, and
    /// forgets them. With the `dp` profile the noise is drawn from `source`; if it fails, that
    /// window and the later ones are kept for the next attempt (the earlier ones are returned).
    /// `adjusting` sees each window's exact counts (and the seconds the counter watched of it)
    /// before the profile does and may change them (a thermal counter filling in what it could not
    /// see from a beam pair's counts).
    public mutating func release(
        completedBy now: WallTime, using source: inout some PrivacyRandomSource,
        adjusting: (_ windowStart: Int64, _ counts: [String: Int], _ coverageSeconds: Double) -> [String: Int] = { _, counts, _ in counts }
    ) throws(RandomSourceError) -> [FootfallRelease] {
        var releases: [FootfallRelease] = []
        let mechanism = profile.mechanism
        for start in completedStarts(by: now) {
            guard let window = windows[start] else { continue }
            let coverage = coverageSeconds(of: window)
            let counts = adjusting(start, window.counts, coverage)
            let names = directions + counts.keys.filter { !directions.contains($0) }.sorted()
            var released: [FootfallRelease] = []
            do {
                for direction in names {
                    let value = try profile.release(counts[direction] ?? 0, using: &source)
                    released.append(FootfallRelease(
                        counter: counter, direction: direction, windowStart: WallTime(secondsSinceEpoch: start),
                        windowSeconds: windowSeconds, count: value, mechanism: mechanism,
                        coverageSeconds: coverage,
                        timeSynchronized: window.synchronized))
                }
            } catch {
                if releases.isEmpty { throw error }
                return releases
            }
            releases += released
            forget(start)
        }
        return releases
    }

    /// One completed window's exact sums (see ``takeCompleted(by:)``).
    public struct CompletedWindow: Hashable, Sendable {
        public var start: Int64
        public var counts: [String: Int]
        public var coverageSeconds: Double
    }

    /// The exact sums of every window that ended by `now`, oldest first, forgotten here as a
    /// release forgets them. For a beam pair's counts that fill in a thermal counter's windows
    /// inside the box; what leaves the box goes through ``release(completedBy:using:adjusting:)``.
    public mutating func takeCompleted(by now: WallTime) -> [CompletedWindow] {
        completedStarts(by: now).compactMap { start in
            guard let window = windows[start] else { return nil }
            forget(start)
            return CompletedWindow(start: start, counts: window.counts, coverageSeconds: coverageSeconds(of: window))
        }
    }

    /// The seconds the counter watched of `window`, to the millisecond (summed from thousands
    /// of frame intervals, the sum carries rounding noise: 899.9000000001361 s is 899.9 s), and
    /// never more than the window.
    private func coverageSeconds(of window: Window) -> Double {
        min((window.coverageSeconds * 1000).rounded() / 1000, Double(windowSeconds))
    }

    private func completedStarts(by now: WallTime) -> [Int64] {
        windows.keys.filter { $0 + windowSeconds <= now.secondsSinceEpoch }.sorted()
    }

    private mutating func forget(_ start: Int64) {
        windows[start] = nil
        releasedThrough = max(releasedThrough ?? .min, start + windowSeconds)
    }

    /// Windows still open or waiting for release.
    public var pendingWindows: Int { windows.count }
}
