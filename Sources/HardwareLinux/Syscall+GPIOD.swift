import CSensorboxLinux
import Glibc

/// The libgpiod v1 calls, under the same rules as the system calls in `Syscall.swift`: `errno`
/// captured right after a failure, `EINTR` retried. A `gpiod_chip *` or `gpiod_line *` is an
/// `OpaquePointer` here and never leaves HardwareLinux.
extension Syscall {
    /// The size of one `gpiod_line_event_read_multiple` batch. The kernel's v1 line-event queue
    /// holds 16 events per line (drivers/gpio/gpiolib-cdev.c), so one batch can empty it.
    static let gpioEventBatch = 16

    /// `gpiod_chip_open(path)`.
    static func gpiodOpenChip(path: String) throws(Errno) -> OpaquePointer {
        try nonNull { gpiod_chip_open(path) }
    }

    /// `gpiod_chip_open_by_label(label)`: ENOENT when no chip has that label.
    static func gpiodOpenChip(label: String) throws(Errno) -> OpaquePointer {
        try nonNull { gpiod_chip_open_by_label(label) }
    }

    /// `gpiod_chip_close(chip)`.
    static func gpiodClose(chip: OpaquePointer) {
        gpiod_chip_close(chip)
    }

    /// The chip's device name (`gpiochip0`), label (`pinctrl-bcm2711`) and number of lines.
    static func gpiodChipInfo(_ chip: OpaquePointer) -> (name: String, label: String, lineCount: Int) {
        (string(gpiod_chip_name(chip)) ?? "", string(gpiod_chip_label(chip)) ?? "", Int(gpiod_chip_num_lines(chip)))
    }

    /// The name and label of every GPIO chip on the machine (`gpiod_chip_iter`), for error messages.
    static func gpiodChipList() -> [(name: String, label: String)] {
        guard let iterator = gpiod_chip_iter_new() else { return [] }
        defer { gpiod_chip_iter_free(iterator) }
        var chips: [(name: String, label: String)] = []
        // gpiod_chip_iter_next closes the previous chip; gpiod_chip_iter_free closes the last.
        while let chip = gpiod_chip_iter_next(iterator) {
            let info = gpiodChipInfo(chip)
            chips.append((info.name, info.label))
        }
        return chips
    }

    /// `gpiod_chip_get_line(chip, offset)`: EINVAL for an offset past the last line.
    static func gpiodLine(_ chip: OpaquePointer, offset: UInt32) throws(Errno) -> OpaquePointer {
        try nonNull { gpiod_chip_get_line(chip, offset) }
    }

    /// The line's name from the device tree (`GPIO17`), its current consumer, and whether it is in use.
    static func gpiodLineInfo(_ line: OpaquePointer) -> (name: String?, consumer: String?, isUsed: Bool) {
        (string(gpiod_line_name(line)), string(gpiod_line_consumer(line)), gpiod_line_is_used(line))
    }

    /// `gpiod_line_request_both_edges_events_flags(line, consumer, flags)`.
    static func gpiodRequestBothEdges(_ line: OpaquePointer, consumer: String, flags: Int32) throws(Errno) {
        _ = try retryingInterrupts { gpiod_line_request_both_edges_events_flags(line, consumer, flags) }
    }

    /// `gpiod_line_release(line)`.
    static func gpiodRelease(_ line: OpaquePointer) {
        gpiod_line_release(line)
    }

    /// `gpiod_line_get_value(line)`: `true` when the line is high.
    static func gpiodValue(_ line: OpaquePointer) throws(Errno) -> Bool {
        try retryingInterrupts { gpiod_line_get_value(line) } == 1
    }

    /// `gpiod_line_event_wait` with a zero timeout: whether an event is queued, without waiting.
    static func gpiodEventPending(_ line: OpaquePointer) throws(Errno) -> Bool {
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        return try retryingInterrupts { gpiod_line_event_wait(line, &noWait) } == 1
    }

    /// `gpiod_line_event_read_multiple`: up to ``gpioEventBatch`` queued events, as
    /// (event type, seconds, nanoseconds). Call only when ``gpiodEventPending(_:)`` said so: it blocks
    /// on an empty queue.
    static func gpiodReadEvents(_ line: OpaquePointer) throws(Errno) -> [(type: Int32, seconds: Int, nanoseconds: Int)] {
        var events = [gpiod_line_event](repeating: gpiod_line_event(), count: gpioEventBatch)
        let result = events.withUnsafeMutableBufferPointer { buffer in
            Result { () throws(Errno) -> Int32 in
                try retryingInterrupts { gpiod_line_event_read_multiple(line, buffer.baseAddress, UInt32(buffer.count)) }
            }
        }
        let count = Int(try result.get())
        return events.prefix(count).map { ($0.event_type, $0.ts.tv_sec, $0.ts.tv_nsec) }
    }

    /// Runs a libgpiod call that returns NULL and sets `errno` on failure.
    private static func nonNull(_ call: () -> OpaquePointer?) throws(Errno) -> OpaquePointer {
        while true {
            if let pointer = call() { return pointer }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }

    private static func string(_ text: UnsafePointer<CChar>?) -> String? {
        text.map { String(cString: $0) }
    }
}
