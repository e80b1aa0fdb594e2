import CSensorboxLinux
import Hardware
import Synchronization

/// An input line requested for both edges through libgpiod v1: a PIR output or a break-beam
/// receiver. Released when the last reference goes away.
///
/// Each edge carries the kernel's timestamp, taken in the interrupt handler. With the v1 uAPI
/// (which libgpiod 1.6 uses) that is `CLOCK_MONOTONIC` since Linux 5.7 (it was `CLOCK_REALTIME`
/// before), the clock ``SystemClock`` reads, so edges line up with everything else on the box.
/// The kernel queues at most 16 edges per line: call ``readEvents()`` often enough.
public final class LinuxGPIOLine: GPIOEdgeInput {
    public let name: String
    /// The chip stays open as long as one of its lines is requested.
    private let chip: LinuxGPIOChip
    private let handle: Mutex<GPIODHandle>

    init(chip: LinuxGPIOChip, handle: GPIODHandle, name: String) {
        self.chip = chip
        self.handle = Mutex(handle)
        self.name = name
    }

    deinit {
        withLine { line in Syscall.gpiodRelease(line) }
    }

    public func level() throws(GPIOError) -> Bool {
        try withLine { (line) throws(GPIOError) -> Bool in
            do throws(Errno) {
                return try Syscall.gpiodValue(line)
            } catch {
                throw GPIOError(operation: "gpiod_line_get_value(\(name))", errno: error.rawValue, detail: "\(error)")
            }
        }
    }

    public func readEvents() throws(GPIOError) -> [GPIOEdgeEvent] {
        try withLine { (line) throws(GPIOError) -> [GPIOEdgeEvent] in
            var events: [GPIOEdgeEvent] = []
            // Bounded so that an edge storm (a chattering contact) cannot keep the caller here:
            // what is left is read on the next call.
            for _ in 0..<8 {
                let batch: [(type: Int32, seconds: Int, nanoseconds: Int)]
                do throws(Errno) {
                    guard try Syscall.gpiodEventPending(line) else { break }
                    batch = try Syscall.gpiodReadEvents(line)
                } catch {
                    throw GPIOError(operation: "gpiod_line_event_read_multiple(\(name))", errno: error.rawValue, detail: "\(error)")
                }
                events += batch.compactMap { Self.edgeEvent(type: $0.type, seconds: $0.seconds, nanoseconds: $0.nanoseconds) }
            }
            return events
        }
    }

    /// A libgpiod event as a ``GPIOEdgeEvent``; `nil` for an event type libgpiod v1 does not define.
    static func edgeEvent(type: Int32, seconds: Int, nanoseconds: Int) -> GPIOEdgeEvent? {
        let edge: GPIOEdge
        switch type {
        case CSHIM_GPIOD_LINE_EVENT_RISING_EDGE: edge = .rising
        case CSHIM_GPIOD_LINE_EVENT_FALLING_EDGE: edge = .falling
        default: return nil
        }
        let total = max(0, seconds) &* 1_000_000_000 &+ max(0, nanoseconds)
        return GPIOEdgeEvent(edge, at: MonotonicInstant(nanoseconds: UInt64(total)))
    }

    /// Runs `body` with the line pointer, holding the chip's lock (libgpiod is not thread-safe).
    private func withLine<Value, Failure: Error>(_ body: (OpaquePointer) throws(Failure) -> Value) throws(Failure) -> Value {
        try chip.withChip { (_) throws(Failure) -> Value in
            try handle.withLock { (handle) throws(Failure) -> Value in try body(handle.pointer) }
        }
    }
}
