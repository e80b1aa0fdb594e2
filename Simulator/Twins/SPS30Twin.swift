import Hardware
import Synchronization

/// A register-level twin of the Sensirion SPS30 (firmware 2.2) on I2C.
///
/// It implements every command of the datasheet table (docs/sensors.md) byte-exactly: modes idle,
/// measuring and sleep; a new value every second and the data-ready flag; CRC on every word; the
/// status register; fan cleaning freezing the values for 10 s; the NACKed first wake-up; 0xFF fill
/// for a pointer it does not know. Physical values come from a ``UrbanAirScenario``.
public final class SPS30Twin: SimulatedI2CDevice {
    public enum Mode: Hashable, Sendable {
        case idle
        case measuring(format: UInt16, since: MonotonicInstant)
        /// Sleep: the I2C interface is off and NACKs everything.
        case sleep
        /// The interface woke up on a NACKed pulse; it now accepts the wake-up command.
        case waking
        /// Executing a reset until the instant; NACKs meanwhile.
        case resetting(until: MonotonicInstant)
    }

    private struct State {
        var mode: Mode = .idle
        var pointer: UInt16?
        /// Index of the last one-second measurement read (cleared data-ready).
        var consumedIndex: Int64 = 0
        var fanCleaningUntil: MonotonicInstant?
        var frozen: [Float]?
        var lastValues: [Float] = Array(repeating: 0, count: 10)
        /// Status bits latched in the register (bit 4 stays until cleared or reset).
        var latchedStatus: UInt32 = 0
        var autoCleaningInterval: UInt32 = 604_800
    }

    public let model = "SPS30"
    public let serialNumber: String
    public let productType: String
    public let firmware: (major: UInt8, minor: UInt8)
    private let air: UrbanAirScenario
    private let clock: any BoxClock
    private let state = Mutex(State())
    /// Physical fault conditions (a blocked fan, a weak laser) that raise status bits while they last.
    private let conditions = Mutex<UInt32>(0)

    /// - Parameters:
    ///   - productType: what the chip answers to 0xD002; a test may give another to play a wrong chip.
    public init(air: UrbanAirScenario, clock: any BoxClock, serialNumber: String = "8A2F3B1C9D0E4A57",
                productType: String = "00080000", firmware: (major: UInt8, minor: UInt8) = (2, 2)) {
        self.air = air
        self.clock = clock
        self.serialNumber = serialNumber
        self.productType = productType
        self.firmware = firmware
    }

    /// The chip's current mode.
    public var mode: Mode { state.withLock { $0.mode } }

    /// Starts or ends a physical fault condition that raises status register bits (21 fan speed,
    /// 5 laser, 4 fan). Bits 21 and 5 clear themselves when the condition ends; bit 4 (fan failure)
    /// stays latched until the status is cleared or the chip reset (datasheet §4.4 `[?]`).
    public func setStatusBits(_ bits: UInt32, _ on: Bool = true) {
        conditions.withLock { $0 = on ? $0 | bits : $0 & ~bits }
    }

    /// What the sensor measures at `time` (before quantisation to Float), for tests.
    public func trueValues(at time: MonotonicInstant) -> [Double] {
        let offset = clock.now().duration(to: time)
        return air.sample(at: clock.wallTime().time + offset).values
    }

    public func acknowledgeAddress(at time: MonotonicInstant) -> Bool {
        state.withLock { state in
            switch state.mode {
            case .sleep:
                state.mode = .waking  // §6.3.6: this first pulse is NACKed but switches the interface on
                return false
            case .resetting(let until):
                if time < until { return false }
                state.mode = .idle
                return true
            default:
                return true
            }
        }
    }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        guard bytes.count >= 2 else { return bytes.isEmpty }
        let pointer = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        let arguments = Array(bytes.dropFirst(2))
        return state.withLock { state in
            if case .waking = state.mode {
                guard pointer == 0x1103 else { return false }
                state.mode = .idle
                return true
            }
            state.pointer = pointer
            guard let words = Self.argumentWords(arguments) else { return false }  // bad CRC: NACK
            switch pointer {
            case 0x0010:
                guard words.count == 1, words[0] == 0x0300 || words[0] == 0x0500 else { return false }
                if case .idle = state.mode {
                    state.mode = .measuring(format: words[0], since: time)
                    state.consumedIndex = 0
                }
            case 0x0104:
                state.mode = .idle
                state.fanCleaningUntil = nil
            case 0x1001:
                guard case .idle = state.mode else { return false }  // sleep only from idle
                state.mode = .sleep
            case 0x1103:
                break  // awake already: nothing to do
            case 0x5607:
                guard case .measuring = state.mode else { return false }  // measurement mode only
                state.fanCleaningUntil = time.advanced(by: .seconds(10))
            case 0x8004 where words.count == 2:
                state.autoCleaningInterval = UInt32(words[0]) << 16 | UInt32(words[1])
            case 0xD210:
                state.latchedStatus = 0
            case 0xD304:
                state = State(autoCleaningInterval: state.autoCleaningInterval)
                state.mode = .resetting(until: time.advanced(by: .milliseconds(100)))
            default:
                break  // a read pointer (or an unknown one: later reads answer 0xFF)
            }
            return true
        }
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        var answer: [UInt8] = state.withLock { state in
            switch state.pointer {
            case 0x0202:
                let ready = !faults.contains(.notReady) && Self.newIndex(state, at: time) > state.consumedIndex
                return sensirionFrame([ready ? 1 : 0])
            case 0x0300:
                guard case .measuring(let format, _) = state.mode else { return sensirionFrame(Array(repeating: 0, count: 10)) }
                let index = Self.newIndex(state, at: time)
                if index > state.consumedIndex {
                    state.consumedIndex = index
                    state.lastValues = values(&state, at: time, faults: faults)
                }
                return format == 0x0300 ? Self.encodeFloat(state.lastValues) : Self.encodeUInt16(state.lastValues)
            case 0x8004:
                return sensirionFrame([UInt16(state.autoCleaningInterval >> 16), UInt16(state.autoCleaningInterval & 0xFFFF)])
            case 0xD002:
                return sensirionFrame(sensirionStringWords(productType, words: 4))
            case 0xD033:
                return sensirionFrame(sensirionStringWords(serialNumber, words: 16))
            case 0xD100:
                return sensirionFrame([UInt16(firmware.major) << 8 | UInt16(firmware.minor)])
            case 0xD206:
                let active = conditions.withLock { $0 }
                state.latchedStatus |= active & (1 << 4)
                let status = state.latchedStatus | active
                return sensirionFrame([UInt16(status >> 16), UInt16(status & 0xFFFF)])
            default:
                // The pointer cannot address inside a block, and unknown pointers read as 0xFF
                // with CRCs that do not match.
                return Array(repeating: 0xFF, count: count)
            }
        }
        if faults.contains(.crcCorruption) { corruptByte(&answer, at: 2) }
        return Array(answer.prefix(count))  // partial reads are allowed (§6.1)
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { $0 = State() }  // power-on state: idle, nothing measured, status clear
    }

    // MARK: Model

    /// The number of whole seconds measured so far (a new value each second).
    private static func newIndex(_ state: State, at time: MonotonicInstant) -> Int64 {
        guard case .measuring(_, let since) = state.mode else { return 0 }
        return since.duration(to: time).components.seconds
    }

    private func values(_ state: inout State, at time: MonotonicInstant, faults: FaultSet) -> [Float] {
        if let frozen = state.frozen, faults.contains(.frozenValue) { return frozen }
        if let until = state.fanCleaningUntil {
            if time < until { return state.lastValues }  // values frozen during fan cleaning
            state.fanCleaningUntil = nil
        }
        var values = trueValues(at: time).map { Float($0) }
        if case .measuring(_, let since) = state.mode {
            // The first seconds after a start read low while the fan spins up and the chamber fills.
            let ramp = min(1, since.duration(to: time).seconds / 8)
            for index in 0..<9 { values[index] *= Float(ramp) }
        }
        state.frozen = faults.contains(.frozenValue) ? values : nil
        return values
    }

    private static func argumentWords(_ bytes: [UInt8]) -> [UInt16]? {
        guard bytes.count % 3 == 0 else { return nil }
        var words: [UInt16] = []
        for index in stride(from: 0, to: bytes.count, by: 3) {
            guard sensirionCRC8(bytes[index..<index + 2]) == bytes[index + 2] else { return nil }
            words.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
        }
        return words
    }

    /// Float mode: each value as hi-word, CRC, lo-word, CRC.
    static func encodeFloat(_ values: [Float]) -> [UInt8] {
        sensirionFrame(values.flatMap { [UInt16($0.bitPattern >> 16), UInt16($0.bitPattern & 0xFFFF)] })
    }

    /// Uint16 mode: saturated integers; the typical particle size in nm.
    static func encodeUInt16(_ values: [Float]) -> [UInt8] {
        var words = values.prefix(9).map { UInt16(clamping: Int($0.rounded())) }
        words.append(UInt16(clamping: Int((values[9] * 1000).rounded())))
        return sensirionFrame(words)
    }
}
