/// Programmable gain of the ADS1115: the full-scale range of a conversion (docs/sensors.md, PGA bits 11:9).
public enum ADS1115Gain: UInt16, Sendable, Hashable, CaseIterable {
    case fullScale6_144 = 0, fullScale4_096, fullScale2_048, fullScale1_024, fullScale0_512, fullScale0_256

    /// The gain whose full scale is `volts` (as a config file writes it, `4.096`), or `nil`.
    public init?(fullScale volts: Double) {
        guard let gain = Self.allCases.first(where: { $0.fullScale == volts }) else { return nil }
        self = gain
    }

    /// ± volts at full scale.
    public var fullScale: Double {
        switch self {
        case .fullScale6_144: 6.144
        case .fullScale4_096: 4.096
        case .fullScale2_048: 2.048
        case .fullScale1_024: 1.024
        case .fullScale0_512: 0.512
        case .fullScale0_256: 0.256
        }
    }
}

/// Data rate of the ADS1115 in samples per second (bits 7:5). One single-shot conversion takes 1/SPS.
public enum ADS1115DataRate: UInt16, Sendable, Hashable, CaseIterable {
    case sps8 = 0, sps16, sps32, sps64, sps128, sps250, sps475, sps860

    /// Conversions per second.
    public var samplesPerSecond: Int { [8, 16, 32, 64, 128, 250, 475, 860][Int(rawValue)] }

    /// The conversion time, 1/SPS, rounded up to a whole microsecond.
    public var conversionTime: Duration { .microseconds((1_000_000 + samplesPerSecond - 1) / samplesPerSecond) }
}

/// An analog input of the ADS1115, measured single-ended against GND. A config file's channel
/// number becomes one with `ADS1115Input(rawValue:)`, so a wrong number is a config error, not a trap.
public enum ADS1115Input: Int, Sendable, Hashable, CaseIterable {
    case ain0 = 0, ain1, ain2, ain3
}

/// The config register word for a single-shot, single-ended conversion of `input`:
/// OS = 1 (start), MUX = 4 + input, PGA, MODE = 1 (single-shot), DR, comparator off (bits 1:0 = 11).
///
/// docs/sensors.md example: AIN0, ±4.096 V, 128 SPS → 0xC383.
public func ads1115SingleShotConfig(input: ADS1115Input, gain: ADS1115Gain, dataRate: ADS1115DataRate) -> UInt16 {
    0x8000 | UInt16(4 + input.rawValue) << 12 | gain.rawValue << 9 | 0x0100 | dataRate.rawValue << 5 | 0x0003
}

/// Volts of a conversion result: raw × full scale / 32768.
public func ads1115Volts(raw: Int16, gain: ADS1115Gain) -> Double {
    Double(raw) * gain.fullScale / 32768
}

/// Two-point calibration of one capacitive soil probe: its output voltage in dry soil (0 %vol)
/// and in saturated soil (``wetContent`` %vol). Capacitive probes read lower when wetter, but the
/// maths does not assume it.
public struct SoilProbeCalibration: Sendable, Hashable {
    /// Probe output in dry soil, volts.
    public var dryVoltage: Double
    /// Probe output at ``wetContent``, volts.
    public var wetVoltage: Double
    /// The water content the wet point stands for, in %vol (100 = the wet point is "100 %").
    public var wetContent: Double

    /// Two points of one probe; check ``isValid`` before use (`config check`).
    public init(dryVoltage: Double, wetVoltage: Double, wetContent: Double = 100) {
        self.dryVoltage = dryVoltage
        self.wetVoltage = wetVoltage
        self.wetContent = wetContent
    }

    /// Two distinct points and a positive wet content: what `config check` should demand.
    public var isValid: Bool { dryVoltage != wetVoltage && wetContent > 0 && dryVoltage.isFinite && wetVoltage.isFinite }

    /// The water content for `volts`, clamped to 0…100 %, and whether it had to be clamped
    /// (the probe reads beyond its calibration: flag the reading out of range). An invalid
    /// calibration gives 0 %, flagged.
    public func waterContent(volts: Double) -> (percent: Double, outOfRange: Bool) {
        guard isValid else { return (0, true) }
        let percent = (volts - dryVoltage) / (wetVoltage - dryVoltage) * wetContent
        let clamped = min(max(percent, 0), 100)
        return (clamped, clamped != percent)
    }
}
