import CSensorboxLinux
import Glibc
import Hardware

/// The real clock of a box: `CLOCK_MONOTONIC` for instants, `CLOCK_REALTIME` for wall time, and the
/// kernel's NTP state to say whether wall time can be trusted yet.
///
/// Raspberry Pis have no real-time clock, so until NTP synchronises the wall clock after a power
/// cut it may be hours or years off; ``wallTime()`` says so, and records made before that are
/// corrected later rather than guessed.
public struct SystemClock: BoxClock {
    /// Where the kernel publishes a random identifier of the current boot.
    public static let bootIDPath = "/proc/sys/kernel/random/boot_id"

    public let bootID: String

    /// - Parameter bootIDPath: the file to read the boot id from (tests point it elsewhere).
    public init(bootIDPath: String = SystemClock.bootIDPath) {
        self.bootID = Self.readBootID(path: bootIDPath) ?? Self.fallbackBootID()
    }

    public func now() -> MonotonicInstant {
        let time = Syscall.clockTime(CLOCK_MONOTONIC)
        return MonotonicInstant(nanoseconds: UInt64(time.seconds) * 1_000_000_000 + UInt64(time.nanoseconds))
    }

    public func wallTime() -> WallClockReading {
        let time = Syscall.clockTime(CLOCK_REALTIME)
        let synchronized: Bool
        do {
            let discipline = try Syscall.readClockDiscipline()
            synchronized = Self.isSynchronized(clockState: discipline.state, status: discipline.status)
        } catch {
            // Without the kernel's word (a seccomp filter may forbid adjtimex) the clock is not
            // known to be right: say so rather than guess.
            synchronized = false
        }
        return WallClockReading(
            time: WallTime(nanosecondsSinceEpoch: Int64(time.seconds) * 1_000_000_000 + Int64(time.nanoseconds)),
            isSynchronized: synchronized)
    }

    /// Waits with `Task.sleep` until the monotonic clock reaches `deadline`; returns at once for a
    /// deadline that has passed. Throws `CancellationError` when the task is cancelled.
    public func sleep(until deadline: MonotonicInstant) async throws {
        try Task.checkCancellation()
        // Task.sleep measures on the standard library's clock, not necessarily CLOCK_MONOTONIC:
        // check this clock again afterwards and sleep the rest if it is still early.
        while true {
            let remaining = now().duration(to: deadline)
            if remaining <= .zero { return }
            try await Task.sleep(for: remaining)
        }
    }

    /// Whether the kernel considers the wall clock synchronised: `ntp_adjtime()` did not return
    /// `TIME_ERROR` and `STA_UNSYNC` is clear (what `timedatectl` calls "System clock synchronized").
    static func isSynchronized(clockState: CInt, status: CInt) -> Bool {
        clockState != CSHIM_TIME_ERROR && status & CSHIM_STA_UNSYNC == 0
    }

    /// The boot id from `path`, trimmed of its newline; `nil` when unreadable or empty.
    static func readBootID(path: String) -> String? {
        guard let bytes = try? Syscall.readSmallFile(path, limit: 128) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// A stand-in when the kernel's boot id cannot be read: the boot time in whole seconds
    /// (wall time minus monotonic time), the same for every reading within one boot as long as the
    /// wall clock is not stepped, and different between boots.
    static func fallbackBootID() -> String {
        let wall = Syscall.clockTime(CLOCK_REALTIME).seconds
        let monotonic = Syscall.clockTime(CLOCK_MONOTONIC).seconds
        return "unknown-boot-\(wall - monotonic)"
    }
}
