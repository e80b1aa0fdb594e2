import CSensorboxLinux
import Glibc
import Hardware
import Synchronization

/// What a GPIO line of a chip is, as the kernel describes it.
public struct GPIOLineInfo: Sendable, Hashable {
    /// The line's offset on its chip (the BCM number on a Raspberry Pi's main chip).
    public var offset: UInt32
    /// The name the device tree gives the line (`GPIO17`), if any.
    public var name: String?
    /// Who requested the line (`sensorbox`, a kernel driver), if anyone.
    public var consumer: String?
    /// Whether the line is requested by someone (a process or the kernel).
    public var isUsed: Bool
}

/// A `gpiod_chip *` or `gpiod_line *`. libgpiod objects are not thread-safe, so a handle lives
/// inside a `Mutex` and is only used while that lock (and, for a line, its chip's lock) is held.
struct GPIODHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// How the input pin is biased while sensorbox holds it.
public enum GPIOBias: Sendable, Hashable {
    /// Leave the pin as the board or device tree configured it.
    case asIs
    /// No internal pull: the sensor drives the line (a push-pull PIR output).
    case disabled
    /// Internal pull-up: for open-collector outputs such as many break-beam receivers.
    case pullUp
    /// Internal pull-down.
    case pullDown
}

/// A GPIO chip opened through libgpiod v1 (`/dev/gpiochipN`).
///
/// Open it by label: chip numbers change between boards and kernel versions (the Raspberry Pi 5's
/// header moved from gpiochip0 to gpiochip4), labels do not. The chip is closed when the last
/// reference, including every line requested from it, goes away. All libgpiod calls on the chip
/// and its lines are serialised by one lock: libgpiod objects are not thread-safe.
public final class LinuxGPIOChip: Sendable {
    /// The device name, such as `gpiochip0`.
    public let name: String
    /// The label the kernel driver gives the chip, such as `pinctrl-bcm2711`.
    public let label: String
    /// The number of lines of the chip.
    public let lineCount: Int
    private let handle: Mutex<GPIODHandle>

    /// Opens the chip at `path` (`/dev/gpiochip0`).
    public convenience init(path: String) throws(GPIOError) {
        let chip: OpaquePointer
        do {
            chip = try Syscall.gpiodOpenChip(path: path)
        } catch {
            throw GPIOError(
                operation: "gpiod_chip_open(\(path))", errno: error.rawValue,
                detail: error == .noSuchFile
                    ? "\(path) does not exist; GPIO chips here: \(Self.chipListText())"
                    : "cannot open \(path): \(error)")
        }
        self.init(chip: chip)
    }

    /// Opens the chip whose label is `label` (`pinctrl-bcm2711`, `pinctrl-rp1`).
    public convenience init(label: String) throws(GPIOError) {
        let chip: OpaquePointer
        do {
            chip = try Syscall.gpiodOpenChip(label: label)
        } catch {
            throw GPIOError(
                operation: "gpiod_chip_open_by_label(\"\(label)\")", errno: error.rawValue,
                detail: error == .noSuchFile
                    ? "no GPIO chip is labelled \"\(label)\"; GPIO chips here: \(Self.chipListText())"
                    : "cannot open the GPIO chip labelled \"\(label)\": \(error)")
        }
        self.init(chip: chip)
    }

    private init(chip: OpaquePointer) {
        let info = Syscall.gpiodChipInfo(chip)
        self.name = info.name
        self.label = info.label
        self.lineCount = info.lineCount
        self.handle = Mutex(GPIODHandle(pointer: chip))
    }

    deinit {
        handle.withLock { Syscall.gpiodClose(chip: $0.pointer) }
    }

    /// The chips on this machine as `gpiochip0 [pinctrl-bcm2711]`, for people choosing a label.
    public static func availableChips() -> [String] {
        Syscall.gpiodChipList().map { "\($0.name) [\($0.label)]" }
    }

    /// Every line of the chip with its name and current user.
    public func lines() throws(GPIOError) -> [GPIOLineInfo] {
        try withChip { (chip) throws(GPIOError) -> [GPIOLineInfo] in
            var lines: [GPIOLineInfo] = []
            for offset in 0..<UInt32(lineCount) {
                let line = try Self.line(chip, offset: offset, chipName: name)
                let info = Syscall.gpiodLineInfo(line)
                lines.append(GPIOLineInfo(offset: offset, name: info.name, consumer: info.consumer, isUsed: info.isUsed))
            }
            return lines
        }
    }

    /// Requests line `offset` as an input reporting both edges, for consumer `consumer`.
    ///
    /// - Throws: a ``GPIOError`` when the offset does not exist or the line is already in use
    ///   (`EBUSY`: another process or a kernel driver holds it).
    public func requestEdgeInput(offset: UInt32, bias: GPIOBias = .asIs, consumer: String = "sensorbox") throws(GPIOError) -> LinuxGPIOLine {
        let name = "\(self.name):\(offset)"
        let line = try withChip { (chip) throws(GPIOError) -> GPIODHandle in
            let line = try Self.line(chip, offset: offset, chipName: self.name)
            do throws(Errno) {
                try Syscall.gpiodRequestBothEdges(line, consumer: consumer, flags: bias.requestFlags)
            } catch {
                let holder = Syscall.gpiodLineInfo(line).consumer.map { " by \"\($0)\"" } ?? ""
                throw GPIOError(
                    operation: "gpiod_line_request_both_edges_events(\(name))", errno: error.rawValue,
                    detail: error.rawValue == EBUSY
                        ? "\(name) is already in use\(holder); free it (or pick another pin in the board file)"
                        : "cannot request \(name) for edge events: \(error)")
            }
            return GPIODHandle(pointer: line)
        }
        return LinuxGPIOLine(chip: self, handle: line, name: name)
    }

    /// Runs `body` with the chip pointer, holding the chip's lock.
    func withChip<Value, Failure: Error>(_ body: (OpaquePointer) throws(Failure) -> Value) throws(Failure) -> Value {
        try handle.withLock { (chip) throws(Failure) -> Value in try body(chip.pointer) }
    }

    private static func line(_ chip: OpaquePointer, offset: UInt32, chipName: String) throws(GPIOError) -> OpaquePointer {
        do {
            return try Syscall.gpiodLine(chip, offset: offset)
        } catch {
            throw GPIOError(
                operation: "gpiod_chip_get_line(\(chipName), \(offset))", errno: error.rawValue,
                detail: "\(chipName) has no line \(offset) or cannot describe it: \(error)")
        }
    }

    private static func chipListText() -> String {
        let chips = availableChips()
        return chips.isEmpty ? "none (no /dev/gpiochip* devices)" : chips.joined(separator: ", ")
    }
}

extension GPIOBias {
    /// The libgpiod request flags for this bias.
    var requestFlags: Int32 {
        switch self {
        case .asIs: 0
        case .disabled: CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE
        case .pullUp: CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP
        case .pullDown: CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN
        }
    }
}
