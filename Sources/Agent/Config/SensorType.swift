import Hardware

/// The kinds of sensor a box config can name in `type = "…"`.
public enum SensorType: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case sps30
    case sen5x
    case pmsa003i
    case sht4x
    case seesawSoil = "seesaw-soil"
    case ads1115Soil = "ads1115-soil"
    case amg8833
    case beamPair = "beam-pair"

    public var description: String { rawValue }

    /// The chip's name for people and messages.
    public var model: String {
        switch self {
        case .sps30: "SPS30"
        case .sen5x: "SEN5x"
        case .pmsa003i: "PMSA003I"
        case .sht4x: "SHT4x"
        case .seesawSoil: "seesaw soil sensor"
        case .ads1115Soil: "ADS1115"
        case .amg8833: "AMG8833"
        case .beamPair: "beam pair"
        }
    }

    /// `true` for chips on an I2C bus; `false` for GPIO inputs.
    public var isI2C: Bool { self != .beamPair }

    /// Counts people crossing a line (releases footfall through the privacy profile).
    public var countsFootfall: Bool { self == .amg8833 || self == .beamPair }

    /// The addresses the chip can answer on (docs/sensors.md), the first being the default.
    public var allowedAddresses: [I2CAddress] {
        switch self {
        case .sps30, .sen5x: [I2CAddress(0x69)]  // fixed
        case .pmsa003i: [I2CAddress(0x12)]  // fixed
        case .sht4x: [I2CAddress(0x44), I2CAddress(0x45)]  // 0x45 are the "-B" variants
        case .seesawSoil: (0x36...0x39).map { I2CAddress(UInt8($0)) }  // AD0/AD1 straps
        case .ads1115Soil: (0x48...0x4B).map { I2CAddress(UInt8($0)) }  // ADDR to GND/VDD/SDA/SCL
        // The common breakout ties AD_SELECT high (0x69), which collides with the SPS30/SEN5x:
        // keep that default so an unstrapped board is reported, not silently mis-addressed.
        case .amg8833: [I2CAddress(0x69), I2CAddress(0x68)]
        case .beamPair: []
        }
    }

    /// The address used when the config names none.
    public var defaultAddress: I2CAddress? { allowedAddresses.first }

    /// How often the scheduler reads the chip when the config names no `interval`.
    public var defaultInterval: Duration {
        switch self {
        case .sps30, .sen5x, .pmsa003i: .seconds(1)  // new values every second
        case .sht4x: .seconds(10)
        case .seesawSoil, .ads1115Soil: .seconds(60)  // soil moisture changes over hours
        case .amg8833: .milliseconds(100)  // 10 frames per second: people walk through in < 1 s
        case .beamPair: .milliseconds(50)  // how often queued edge events are collected
        }
    }

    /// The shortest sensible interval: faster reads only repeat the chip's last value.
    public var minimumInterval: Duration {
        switch self {
        case .sps30, .sen5x, .pmsa003i: .seconds(1)
        case .sht4x, .seesawSoil, .ads1115Soil, .amg8833: .milliseconds(100)
        case .beamPair: .milliseconds(10)
        }
    }

    /// The aggregation window when the config names none.
    public var defaultWindow: Duration {
        switch self {
        case .sps30, .sen5x, .pmsa003i, .sht4x: .seconds(60)
        // Footfall: coarse windows are part of the privacy design (counting-and-privacy.md).
        case .seesawSoil, .ads1115Soil, .amg8833, .beamPair: .seconds(15 * 60)
        }
    }

    /// `sps30, sen5x, …` for "known types are" messages.
    public static var knownList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
