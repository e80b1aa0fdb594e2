import Aggregation
import Hardware
import Journal

/// A footfall counter as the agent sees it: a ``Sensor`` the supervisor samples (a frame or a
/// batch of beam edges per tick), plus releases of its completed windows through the box's
/// privacy profile. Frames and single crossings stay inside the counter.
public protocol FootfallCounter: AnyObject {
    /// The releases of every window that ended by `now`, oldest first.
    func release(completedBy now: WallTime) throws -> [FootfallRelease]
    /// Warnings about the counts of windows that ended (a thermal counter that could hardly see
    /// people), to journal beside the releases; none by default.
    func takeHealthEvents() -> [HealthEvent]
}

extension FootfallCounter {
    public func takeHealthEvents() -> [HealthEvent] { [] }
}

/// Where footfall releases draw their noise: the kernel's cryptographic generator on a box, a
/// seeded generator in a simulation (so that a simulated run is reproducible).
public enum FootfallRandomness: Sendable {
    case system
    case seeded(UInt64)

    /// The noise source of the counter named `counter`. Seeded, each counter draws its own
    /// stream (the seed mixed with the counter's name): two counters across one line drawing the
    /// same noise would release numbers whose difference is exact.
    func source(for counter: String) -> any PrivacyRandomSource {
        guard case .seeded(let seed) = self else { return SystemRandomSource() }
        // FNV-1a of the name.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in counter.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return SeededRandomSource(seed: seed ^ hash)
    }
}

/// Counts crossings into windows and releases them: what both kinds of counter share.
struct FootfallTallies {
    private var windows: FootfallWindows
    private var random: any PrivacyRandomSource
    private var lastObserved: (monotonic: MonotonicInstant, wall: WallTime)?
    /// A gap between two good ticks longer than this is not coverage (the counter was down).
    let maximumGap: Duration
    /// A beam pair's exact counts are also kept here for the thermal counter across its line.
    private let shared: SharedBeamCounts?

    init(counter: String, directions: [String], windowSeconds: Int64, profile: PrivacyProfile,
         randomness: FootfallRandomness, maximumGap: Duration, sharing shared: SharedBeamCounts? = nil) {
        windows = FootfallWindows(counter: counter, directions: directions, windowSeconds: windowSeconds, profile: profile)
        random = randomness.source(for: counter)
        self.maximumGap = maximumGap
        self.shared = shared
    }

    /// A good tick at `now`: the time since the previous good tick was observed.
    mutating func observed(now: MonotonicInstant, clock: any BoxClock) {
        let wall = clock.wallTime()
        if let last = lastObserved, last.monotonic.duration(to: now) <= maximumGap {
            windows.observe(from: last.wall, to: wall.time, synchronized: wall.isSynchronized)
            shared?.windows.observe(from: last.wall, to: wall.time, synchronized: wall.isSynchronized)
        }
        lastObserved = (now, wall.time)
    }

    /// A failed tick: coverage stops until the next good one.
    mutating func interrupted() { lastObserved = nil }

    /// Counts a crossing made at monotonic `time`.
    mutating func record(_ direction: String, at time: MonotonicInstant, clock: any BoxClock) {
        let wall = clock.wallTime()
        let when = wall.time + clock.now().duration(to: time)  // the crossing's own time, on the wall clock
        windows.record(direction: direction, at: when, synchronized: wall.isSynchronized)
        shared?.windows.record(direction: direction, at: when, synchronized: wall.isSynchronized)
    }

    /// The releases of every window completed by `now`; `adjusting` may change a window's exact
    /// counts before the privacy profile sees them. Shared windows nobody took are dropped here,
    /// once per release rather than at every tick.
    mutating func release(
        completedBy now: WallTime,
        adjusting: (_ windowStart: Int64, _ counts: [String: Int], _ coverageSeconds: Double) -> [String: Int] = { _, counts, _ in counts }
    ) throws -> [FootfallRelease] {
        shared?.dropStale(now: now)
        return try windows.release(completedBy: now, using: &random, adjusting: adjusting)
    }
}

extension PrivacyProfile {
    /// The profile of the box config.
    init(_ mechanism: ReleaseMechanism) {
        switch mechanism {
        case .exact: self = .exact
        case .suppression(let k): self = .suppress(minimumCount: k)
        case .differentialPrivacy(let epsilon): self = .differentialPrivacy(epsilon: epsilon)
        }
    }
}
