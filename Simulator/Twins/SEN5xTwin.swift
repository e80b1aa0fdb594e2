import Hardware
import Synchronization

/// A Sensirion SEN54/SEN55 at the byte level (docs/sensors.md, "Sensirion SEN5x").
///
/// Power-on state is idle. Start measurement (0x0021) produces new values once a second; the
/// data-ready flag (0x0202) clears when the values (0x03C4) are read. NOx is unknown (0x7FFF) for
/// the first 10 s, and always on a SEN54. Each command keeps the chip busy (address NACKed) for its
/// execution time. PM comes from a ``ParticulateSource``, RH/T from a ``DiurnalWeather``.
///
/// A command the chip does not know, or one not allowed in the current mode (read values or fan
/// cleaning while idle), is NACKed on its data bytes `[?]`: the SEN5x datasheet describes NACKs
/// for unsupported commands; unlike the SPS30 it is not documented to answer 0xFF fill.
///
/// Faults: `.crcCorruption` flips a bit of the first CRC of an answer; `.notReady` keeps the
/// data-ready flag at 0; `.frozenValue` repeats the last values. ``setStatusBits(_:)`` injects
/// fan/laser/sensor errors.
public final class SEN5xTwin: SimulatedI2CDevice {
    /// SEN50: PM only; SEN54: + RH/T and VOC; SEN55: + NOx. What a variant lacks reads unknown.
    public enum Variant: Sendable {
        case sen50, sen54, sen55

        var productName: String {
            switch self {
            case .sen50: "SEN50"
            case .sen54: "SEN54"
            case .sen55: "SEN55"
            }
        }
    }

    private struct State {
        var busyUntil: MonotonicInstant
        var pointer: UInt16? = nil
        var measuringSince: MonotonicInstant? = nil
        var lastReadTick: Int64 = 0
        var injectedStatus: UInt32 = 0
        var fanCleaningUntil: MonotonicInstant? = nil
        var lastValues: [UInt16]? = nil
    }

    public let model: String
    /// Which SEN5x it plays.
    public let variant: Variant
    /// The answer to 0xD033.
    public let serialNumber: String
    /// The air the PM sensor samples.
    public let air: ParticulateSource
    /// What the RH/T sensor measures.
    public let weather: DiurnalWeather
    private let state: Mutex<State>

    /// An idle chip powered on at `poweredOnAt`.
    public init(
        variant: Variant = .sen55, air: ParticulateSource, weather: DiurnalWeather,
        serialNumber: String = "8A1F3C2D91B6E074", poweredOnAt: MonotonicInstant = .zero
    ) {
        self.variant = variant
        self.model = variant.productName
        self.air = air
        self.weather = weather
        self.serialNumber = serialNumber
        self.state = Mutex(State(busyUntil: poweredOnAt.advanced(by: .milliseconds(100))))
    }

    /// Whether the twin is in measurement mode (for tests).
    public var isMeasuring: Bool { state.withLock { $0.measuringSince != nil } }

    /// Sets device status bits (21 fan speed, 7 gas, 6 RH/T, 5 laser, 4 fan) until changed again.
    public func setStatusBits(_ bits: UInt32) { state.withLock { $0.injectedStatus = bits } }

    public func acknowledgeAddress(at time: MonotonicInstant) -> Bool {
        state.withLock { time >= $0.busyUntil }
    }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        guard let command = SensirionTwinFraming.command(bytes), bytes.count == 2 else { return false }
        return state.withLock { state in
            let measuring = state.measuringSince != nil
            // Execution times: SEN5x datasheet table 23 (as in docs/sensors.md).
            switch command {
            case 0x0021:
                guard !measuring else { return false }
                state.measuringSince = time
                state.lastReadTick = 0
                state.busyUntil = time.advanced(by: .milliseconds(50))
            case 0x0104:
                guard measuring else { return false }
                state.measuringSince = nil
                state.fanCleaningUntil = nil
                state.busyUntil = time.advanced(by: .milliseconds(200))
            case 0x03C4, 0x5607:
                // Only in measurement mode; the chip NACKs them when idle.
                guard measuring else { return false }
                if command == 0x5607 {
                    state.fanCleaningUntil = time.advanced(by: .seconds(10))
                } else {
                    state.pointer = command
                }
                state.busyUntil = time.advanced(by: .milliseconds(20))
            case 0x0202, 0xD014, 0xD033, 0xD100, 0xD206, 0xD210:
                state.pointer = command
                state.busyUntil = time.advanced(by: .milliseconds(20))
            case 0xD304:
                let injected = state.injectedStatus
                state = State(busyUntil: time.advanced(by: .milliseconds(200)))
                state.injectedStatus = injected
            default:
                return false
            }
            return true
        }
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        state.withLock { state in
            guard let pointer = state.pointer else { return [] }
            let words: [UInt16]
            switch pointer {
            case 0x0202:
                let tick = currentTick(state, at: time)
                let ready = !faults.contains(.notReady) && tick >= 1 && tick > state.lastReadTick
                words = [ready ? 0x0001 : 0x0000]
            case 0x03C4:
                state.lastReadTick = currentTick(state, at: time)
                words = values(&state, at: time, faults: faults)
            case 0xD014: words = sensirionStringWords(variant.productName, words: 16)
            case 0xD033: words = sensirionStringWords(serialNumber, words: 16)
            case 0xD100: words = [0x0200]
            default:
                let status = statusBits(state, at: time)
                if pointer == 0xD210 { state.injectedStatus = 0 }
                words = [UInt16(status >> 16), UInt16(status & 0xFFFF)]
            }
            var bytes = sensirionFrame(words)
            if faults.contains(.crcCorruption) { corruptByte(&bytes, at: 2) }
            return Array(bytes.prefix(count))
        }
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { state in
            let injected = state.injectedStatus
            state = State(busyUntil: time.advanced(by: .milliseconds(100)))
            state.injectedStatus = injected
        }
    }

    /// Whole seconds since the measurement started: one new set of values per second.
    private func currentTick(_ state: State, at time: MonotonicInstant) -> Int64 {
        guard let since = state.measuringSince else { return 0 }
        return (time - since).components.seconds
    }

    private func statusBits(_ state: State, at time: MonotonicInstant) -> UInt32 {
        var bits = state.injectedStatus
        if let until = state.fanCleaningUntil, time < until { bits |= 1 << 19 }
        return bits
    }

    private func values(_ state: inout State, at time: MonotonicInstant, faults: FaultSet) -> [UInt16] {
        let cleaning = state.fanCleaningUntil.map { time < $0 } ?? false
        if faults.contains(.frozenValue) || cleaning, let last = state.lastValues { return last }
        let pm = air.sample(at: time).mass
        let sinceStart = state.measuringSince.map { time - $0 } ?? .zero
        let noxKnown = variant == .sen55 && sinceStart >= .seconds(10)
        let hasClimate = variant != .sen50
        let values: [UInt16] = [
            SensirionTwinFraming.word(pm.pm1_0 * 10, signed: false),
            SensirionTwinFraming.word(pm.pm2_5 * 10, signed: false),
            SensirionTwinFraming.word(pm.pm4_0 * 10, signed: false),
            SensirionTwinFraming.word(pm.pm10 * 10, signed: false),
            hasClimate ? SensirionTwinFraming.word(weather.relativeHumidity(at: time) * 100, signed: true) : 0x7FFF,
            hasClimate ? SensirionTwinFraming.word(weather.temperature(at: time) * 200, signed: true) : 0x7FFF,
            hasClimate ? SensirionTwinFraming.word(1000, signed: true) : 0x7FFF,  // VOC index 100: the day's average
            noxKnown ? SensirionTwinFraming.word(10, signed: true) : 0x7FFF,  // NOx index 1: clean air
        ]
        state.lastValues = values
        return values
    }
}
