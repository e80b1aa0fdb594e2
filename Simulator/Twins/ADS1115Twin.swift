import Hardware
import Synchronization

/// A TI ADS1115 16-bit ADC at the register level (docs/sensors.md, "TI ADS1115").
///
/// Pointer register selects conversion (0x00), config (0x01) or the thresholds (0x02/0x03); a
/// write of pointer + two bytes sets a register, a read returns the selected one big-endian.
/// Config resets to 0x8583 (idle, single-shot). Writing it with OS = 1 in single-shot mode starts a
/// conversion that ends 1/SPS later; until then OS reads 0. The inputs are voltage functions of
/// time (see ``SoilProbeInput``).
///
/// Faults: `.notReady` keeps the conversion from finishing (OS stays 0); `.crcCorruption` (no
/// checksum on this chip: a flipped bit on the wire) flips the lowest bit of the low byte of every
/// read; `.frozenValue` keeps the last conversion result.
public final class ADS1115Twin: SimulatedI2CDevice {
    /// A voltage on one input, in volts, as a function of time.
    public typealias Input = @Sendable (MonotonicInstant) -> Double

    /// The config register after power-up (datasheet).
    public static let configResetValue: UInt16 = 0x8583

    private struct State {
        var pointer: UInt8 = 0
        var config: UInt16 = ADS1115Twin.configResetValue
        var conversion: Int16 = 0
        var lowThreshold: UInt16 = 0x8000
        var highThreshold: UInt16 = 0x7FFF
        /// The end of a running single-shot conversion.
        var conversionEndsAt: MonotonicInstant? = nil
    }

    public let model = "ADS1115"
    private let inputs: [Input?]
    private let state = Mutex(State())

    /// - Parameter inputs: voltage sources on AIN0…AIN3 (missing ones read 0 V).
    public init(inputs: [Int: Input]) {
        self.inputs = (0..<4).map { inputs[$0] }
    }

    /// The raw register value (for tests and ``ChipProbe`` checks).
    public var config: UInt16 { state.withLock { $0.config } }

    public func receive(_ bytes: [UInt8], at time: MonotonicInstant, faults: FaultSet) -> Bool {
        guard let first = bytes.first, bytes.count == 1 || bytes.count == 3 else { return false }
        state.withLock { state in
            state.pointer = first & 0x03
            guard bytes.count == 3 else { return }
            let value = UInt16(bytes[1]) << 8 | UInt16(bytes[2])
            switch state.pointer {
            case 0x01:
                finishConversion(&state, at: time, faults: faults)
                state.config = value & 0x7FFF
                // OS = 1 starts a conversion in single-shot mode (MODE bit 8 = 1) when idle.
                if value & 0x8000 != 0, value & 0x0100 != 0, state.conversionEndsAt == nil {
                    state.conversionEndsAt = time.advanced(by: Self.conversionTime(config: value))
                }
            case 0x02: state.lowThreshold = value
            case 0x03: state.highThreshold = value
            default: break  // the conversion register is read-only
            }
        }
        return true
    }

    public func transmit(count: Int, at time: MonotonicInstant, faults: FaultSet) -> [UInt8] {
        state.withLock { state in
            finishConversion(&state, at: time, faults: faults)
            let value: UInt16
            switch state.pointer {
            case 0x00:
                if state.config & 0x0100 == 0, !faults.contains(.frozenValue) {
                    // Continuous mode: the latest conversion is always fresh.
                    state.conversion = convert(config: state.config, at: time)
                }
                value = UInt16(bitPattern: state.conversion)
            case 0x01: value = state.config | (state.conversionEndsAt == nil ? 0x8000 : 0)
            case 0x02: value = state.lowThreshold
            default: value = state.highThreshold
            }
            var bytes = [UInt8(value >> 8), UInt8(value & 0xFF)]
            if faults.contains(.crcCorruption) { corruptByte(&bytes, at: 1) }
            return Array(bytes.prefix(count))
        }
    }

    public func powerCycle(at time: MonotonicInstant) {
        state.withLock { $0 = State() }
    }

    private func finishConversion(_ state: inout State, at time: MonotonicInstant, faults: FaultSet) {
        guard let end = state.conversionEndsAt, time >= end, !faults.contains(.notReady) else { return }
        state.conversionEndsAt = nil
        if !faults.contains(.frozenValue) { state.conversion = convert(config: state.config, at: end) }
    }

    /// The conversion of the input pair selected by MUX (bits 14:12) at the PGA's full scale.
    private func convert(config: UInt16, at time: MonotonicInstant) -> Int16 {
        let mux = Int((config >> 12) & 0x7)
        // MUX 0…3: differential AIN0−AIN1, AIN0−AIN3, AIN1−AIN3, AIN2−AIN3; 4…7: AINx − GND.
        let pairs: [(Int, Int?)] = [(0, 1), (0, 3), (1, 3), (2, 3), (0, nil), (1, nil), (2, nil), (3, nil)]
        let (positive, negative) = pairs[mux]
        func volts(_ index: Int) -> Double { inputs[index]?(time) ?? 0 }
        let difference = volts(positive) - (negative.map(volts) ?? 0)
        let fullScale = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256][Int((config >> 9) & 0x7)]
        return Int16(min(max((difference / fullScale * 32768).rounded(), -32768), 32767))
    }

    private static func conversionTime(config: UInt16) -> Duration {
        let rates = [8, 16, 32, 64, 128, 250, 475, 860]
        let sps = rates[Int((config >> 5) & 0x7)]
        return .microseconds((1_000_000 + sps - 1) / sps)
    }
}
