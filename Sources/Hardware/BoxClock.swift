/// A point on the monotonic clock (Linux `CLOCK_MONOTONIC`), in nanoseconds since an arbitrary
/// start — the boot, or the start of a simulation. It never jumps; it is meaningless across boots
/// (see ``BoxClock/bootID``).
public struct MonotonicInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    public static let zero = MonotonicInstant(nanoseconds: 0)

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The instant `duration` later (or earlier, for a negative duration; clamped at zero).
    public func advanced(by duration: Duration) -> MonotonicInstant {
        let delta = duration.nanosecondsClamped
        if delta >= 0 { return MonotonicInstant(nanoseconds: nanoseconds &+ UInt64(delta)) }
        let back = UInt64(-delta)
        return MonotonicInstant(nanoseconds: nanoseconds > back ? nanoseconds - back : 0)
    }

    /// The signed duration from `self` to `other`.
    public func duration(to other: MonotonicInstant) -> Duration {
        .nanoseconds(Int64(bitPattern: other.nanoseconds &- nanoseconds))
    }

    public static func + (lhs: Self, rhs: Duration) -> Self { lhs.advanced(by: rhs) }
    public static func - (lhs: Self, rhs: Self) -> Duration { rhs.duration(to: lhs) }

    public var description: String { "\(Double(nanoseconds) / 1e9)s" }
}

/// Wall-clock time: nanoseconds since 1970-01-01T00:00:00Z (Linux `CLOCK_REALTIME`).
public struct WallTime: Hashable, Comparable, Sendable {
    public var nanosecondsSinceEpoch: Int64

    public init(nanosecondsSinceEpoch: Int64) { self.nanosecondsSinceEpoch = nanosecondsSinceEpoch }
    public init(secondsSinceEpoch: Int64) { self.nanosecondsSinceEpoch = secondsSinceEpoch * 1_000_000_000 }

    public var secondsSinceEpoch: Int64 { nanosecondsSinceEpoch.floorDivided(by: 1_000_000_000) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }
    public static func + (lhs: Self, rhs: Duration) -> Self {
        WallTime(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch + rhs.nanosecondsClamped)
    }
    public static func - (lhs: Self, rhs: Self) -> Duration {
        .nanoseconds(lhs.nanosecondsSinceEpoch - rhs.nanosecondsSinceEpoch)
    }
}

/// A reading of the wall clock together with whether it can be trusted.
///
/// Raspberry Pis have no real-time clock: after a power cut the wall clock starts wherever the
/// last shutdown left it, until NTP synchronises it. Records made before that are marked.
public struct WallClockReading: Hashable, Sendable {
    public var time: WallTime
    /// `true` once the kernel reports the clock synchronised (NTP), or in a simulation.
    public var isSynchronized: Bool

    public init(time: WallTime, isSynchronized: Bool) {
        self.time = time
        self.isSynchronized = isSynchronized
    }
}

/// The one clock abstraction of sensorbox: monotonic time, wall time, and waiting.
///
/// Drivers and the pipeline never sleep on their own; they ask the injected clock. The real
/// clock (HardwareLinux) waits for real; the simulator's virtual clock jumps to the deadline, so a
/// simulated day runs in seconds and every run is reproducible.
public protocol BoxClock: Sendable {
    /// Now, on the monotonic clock.
    func now() -> MonotonicInstant
    /// Now, on the wall clock, with its synchronisation state.
    func wallTime() -> WallClockReading
    /// An identifier of the current boot (Linux `/proc/sys/kernel/random/boot_id`): monotonic
    /// instants of different boots cannot be compared.
    var bootID: String { get }
    /// Returns once `deadline` has been reached (at once if it has passed).
    func sleep(until deadline: MonotonicInstant) async throws
}

extension BoxClock {
    /// Waits for `duration` on this clock.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now().advanced(by: duration))
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to `Int64`.
    public var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }

    /// The duration in seconds as a floating-point number.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension Int64 {
    /// Division rounding towards negative infinity (window alignment before 1970 stays aligned).
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
