import Hardware
import Synchronization

/// A clock for simulations and tests: time stands still until someone sleeps, and a sleep jumps
/// straight to its deadline.
///
/// sensorbox's scheduler runs its jobs one after another in one task, so "the earliest deadline
/// first" is exactly the order of the sleeps: a simulated day runs as fast as the machine goes and
/// the same seed gives the same run. (Two tasks sleeping on one virtual clock concurrently would
/// race; the scheduler never does that.)
public final class VirtualClock: BoxClock {
    private struct State {
        var now: MonotonicInstant
        var wallAtZero: WallTime
        var synchronized: Bool
    }

    private let state: Mutex<State>
    public let bootID: String

    /// - Parameters:
    ///   - start: the wall time at monotonic zero.
    ///   - bootID: the boot id to report; a simulation derives one from its seed.
    public init(start: WallTime, bootID: String = "00000000-0000-4000-8000-000000000000", synchronized: Bool = true) {
        self.state = Mutex(State(now: .zero, wallAtZero: start, synchronized: synchronized))
        self.bootID = bootID
    }

    public func now() -> MonotonicInstant { state.withLock { $0.now } }

    public func wallTime() -> WallClockReading {
        state.withLock { state in
            WallClockReading(
                time: WallTime(nanosecondsSinceEpoch: state.wallAtZero.nanosecondsSinceEpoch + Int64(state.now.nanoseconds)),
                isSynchronized: state.synchronized)
        }
    }

    public func sleep(until deadline: MonotonicInstant) async throws {
        try Task.checkCancellation()
        advance(to: deadline)
    }

    /// Moves time forward to `instant` (never backwards).
    public func advance(to instant: MonotonicInstant) {
        state.withLock { $0.now = max($0.now, instant) }
    }

    /// Moves time forward by `duration`.
    public func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.advanced(by: duration) }
    }

    /// Steps the wall clock (as NTP does after a boot without a real-time clock).
    public func setWallTime(_ time: WallTime, synchronized: Bool) {
        state.withLock { state in
            state.wallAtZero = WallTime(nanosecondsSinceEpoch: time.nanosecondsSinceEpoch - Int64(state.now.nanoseconds))
            state.synchronized = synchronized
        }
    }
}
