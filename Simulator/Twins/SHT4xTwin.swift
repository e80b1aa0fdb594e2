import Hardware
import Synchronization

/// A Sensirion SHT4x at the byte level (docs/sensors.md, "Sensirion SHT4x").
///
/// One-byte commands; a measurement answers `T_hi T_lo CRC RH_hi RH_lo CRC` once its measurement
/// time has passed, and until then the chip NACKs its address (it is busy converting). The values
/// come from a ``DiurnalWeather``.
///
/// Faults: `.crcCorruption` flips a bit of the temperature CRC; `.notReady` makes the measurement
/// never finish (the read after it is NACKed and the result dropped); `.frozenValue` repeats the
/// last measured words.
public final class SHT4xTwin: SimulatedI2CDevice {
    /// The measurement times the twin enforces (the chip NACKs until they have passed).
    public static let highPrecisionTime = Duration.milliseconds(10)
    /// Medium precision (0xF6).
    public static let mediumPrecisionTime = Duration.milliseconds(5)
    /// Low precision (0xE0).
    public static let lowPrecisionTime = Duration.milliseconds(2)

    private struct State {
        var busyUntil: MonotonicInstant
        var output: [UInt8]? = nil
        var stalled = false
        var lastWords: [UInt16]? = nil
        var measurements = 0
    }

    public let model = "SHT4x"
    /// The answer to 0x89.
    public let serialNumber: UInt32
    /// What the chip measures.
    public let weather: DiurnalWeather
    private let state: Mutex<State>

    /// A chip powered on at `poweredOnAt` (busy for its 1 ms power-up).
    public init(weather: DiurnalWeather, serialNumber: UInt32 = 0x0E5A_1C3B, poweredOnAt: MonotonicInstant = .zero) {
        self.weather = weather
        self.serialNumber = serialNumber
        // Power-up time: 1 ms max (datasheet table 4).
        self.state = Mutex(State(busyUntil: poweredOnAt.advanced(by: .milliseconds(1))))
    }

    /// How many measurements the twin has made (for tests).
    public var measurementCount: Int { state.withLock { $0.measurements } }

    public func acknowledgeAddress(at time: MonotonicInstant) -> Bool {
        state.withLock { state in
            if time < state.busyUntil { return false }
            if state.stalled {
                // The measurement never finished: this read is NACKed and the result is gone.
                state.stalled = false
                state.output = nil
                return false
            }
            return true
        }
    }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        guard bytes.count == 1 else { return false }
        return state.withLock { state in
            switch bytes[0] {
            case 0xFD: measure(&state, at: time, duration: Self.highPrecisionTime, faults: faults)
            case 0xF6: measure(&state, at: time, duration: Self.mediumPrecisionTime, faults: faults)
            case 0xE0: measure(&state, at: time, duration: Self.lowPrecisionTime, faults: faults)
            // Heater pulses end with a high-precision measurement: 1 s (0x39, 0x2F, 0x1E) or 0.1 s.
            case 0x39, 0x2F, 0x1E: measure(&state, at: time, duration: .milliseconds(1100), faults: faults)
            case 0x32, 0x24, 0x15: measure(&state, at: time, duration: .milliseconds(110), faults: faults)
            case 0x89:
                state.output = sensirionFrame([UInt16(serialNumber >> 16), UInt16(serialNumber & 0xFFFF)])
                state.busyUntil = time.advanced(by: .milliseconds(1))
            case 0x94:
                state.output = nil
                state.stalled = false
                state.busyUntil = time.advanced(by: .milliseconds(1))
            default:
                return false
            }
            return true
        }
    }

    private func measure(_ state: inout State, at time: MonotonicInstant, duration: Duration, faults: FaultSet) {
        let words: [UInt16]
        if faults.contains(.frozenValue), let last = state.lastWords {
            words = last
        } else {
            let temperature = weather.temperature(at: time)
            let humidity = weather.relativeHumidity(at: time)
            // Inverse of T = −45 + 175·t/65535 and RH = −6 + 125·h/65535.
            words = [
                UInt16(min(max(((temperature + 45) * 65535 / 175).rounded(), 0), 65535)),
                UInt16(min(max(((humidity + 6) * 65535 / 125).rounded(), 0), 65535)),
            ]
        }
        state.lastWords = words
        state.output = sensirionFrame(words)
        state.busyUntil = time.advanced(by: duration)
        state.stalled = faults.contains(.notReady)
        state.measurements += 1
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        state.withLock { state in
            guard var output = state.output else { return [] }
            state.output = nil
            if faults.contains(.crcCorruption) { corruptByte(&output, at: 2) }
            return Array(output.prefix(count))
        }
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { state in
            let measurements = state.measurements
            state = State(busyUntil: time.advanced(by: .milliseconds(1)))
            state.measurements = measurements
        }
    }
}
