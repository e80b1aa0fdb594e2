import Counting
import Hardware
import Sensors

/// One `[[sensor]]` of a box config, checked against the board.
public struct SensorConfig: Hashable, Sendable {
    /// The sensor's unique name in the box (`pm`, `soil-a`).
    public var id: SensorID
    /// Which chip or input it is (`type = "sps30"`).
    public var type: SensorType
    /// Where an I2C chip is: bus name and address (`nil` for GPIO sensors).
    public var i2c: I2CPlacement?
    /// How often the chip is read.
    public var interval: Duration
    /// The aggregation window; divides an hour, so windows align to the clock.
    public var window: Duration
    /// What only this type of sensor has (a probe's calibration, a counter's line).
    public var settings: SensorSettings

    public init(
        id: SensorID, type: SensorType, i2c: I2CPlacement?, interval: Duration, window: Duration,
        settings: SensorSettings
    ) {
        self.id = id
        self.type = type
        self.i2c = i2c
        self.interval = interval
        self.window = window
        self.settings = settings
    }
}

/// An I2C chip's place: a bus of the board and an address on it.
public struct I2CPlacement: Hashable, Sendable {
    /// A bus name of the board (`i2c-1`).
    public var bus: String
    /// One of the addresses the chip can answer on.
    public var address: I2CAddress

    public init(bus: String, address: I2CAddress) {
        self.bus = bus
        self.address = address
    }
}

/// What only one type of sensor has.
public enum SensorSettings: Hashable, Sendable {
    case sps30
    case sen5x(model: SEN5xModel)
    case pmsa003i
    case sht4x(precision: SHT4xPrecision)
    /// Raw capacitance counts of the probe in dry air and in water (about 200 and 2000).
    case seesawSoil(dryCount: Int, wetCount: Int)
    case ads1115Soil(ADS1115SoilSettings)
    case amg8833(ThermalCounterSettings)
    case beamPair(BeamPairSettings)
}

/// Which SEN5x: they differ in what they measure (SEN50: PM only; SEN54: + RH/T, VOC; SEN55: + NOx).
public enum SEN5xModel: String, CaseIterable, Hashable, Sendable {
    case sen50, sen54, sen55
}

/// SHT4x repeatability: high (0xFD, 10 ms), medium (0xF6, 5 ms), low (0xE0, 2 ms).
public enum SHT4xPrecision: String, CaseIterable, Hashable, Sendable {
    case high, medium, low
}

/// An analog capacitive soil probe on one ADS1115 input.
public struct ADS1115SoilSettings: Hashable, Sendable {
    /// Single-ended input AIN0…AIN3.
    public var channel: Int
    /// PGA full scale in volts: 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256.
    public var fullScale: Double
    /// Probe output in dry soil and in water (V). Capacitive probes read higher when dry.
    public var dryVoltage: Double
    public var wetVoltage: Double

    public init(channel: Int, fullScale: Double, dryVoltage: Double, wetVoltage: Double) {
        self.channel = channel
        self.fullScale = fullScale
        self.dryVoltage = dryVoltage
        self.wetVoltage = wetVoltage
    }

    /// The ADS1115 full-scale ranges, as written in a config (`gain = "4.096"`), by PGA code.
    public static let fullScales: [(text: String, volts: Double)] = [
        ("6.144", 6.144), ("4.096", 4.096), ("2.048", 2.048), ("1.024", 1.024), ("0.512", 0.512), ("0.256", 0.256),
    ]
}

/// Where an AMG8833 counts crossings: a line across its 8×8 view, and what each direction means.
public struct ThermalCounterSettings: Hashable, Sendable {
    public var line: CrossingLine
    public var axis: CrossingAxis
    /// Names of the two directions: crossing towards higher indices first (`["in", "out"]`).
    public var directions: [String]
    /// The id of a beam pair across the same line, whose counts fill in the windows in which people
    /// were hidden (a pavement as warm as them, umbrellas; ``FootfallFusion``); `nil`: the thermal
    /// count alone.
    public var beams: SensorID?
    /// How high the array hangs above the pavement (`mounting_height`, metres, 4 by default) and
    /// what its lens sees along each side of the frame (`field_of_view`, degrees, the AMG8833's 60
    /// by default): the tracker's threshold follows how small people look from there
    /// (``ThermalCounterConfiguration/mounted(_:)``).
    public var mounting: ThermalMounting

    public init(
        line: CrossingLine, axis: CrossingAxis, directions: [String], beams: SensorID? = nil,
        mounting: ThermalMounting = .reference
    ) {
        self.line = line
        self.axis = axis
        self.directions = directions
        self.beams = beams
        self.mounting = mounting
    }
}

/// The counting line of a thermal counter.
public enum CrossingLine: Hashable, Sendable {
    /// Between the two middle rows (or columns) of the 8×8 array.
    case middle
    /// Along row (or column) 0…7.
    case index(Int)
}

/// Whether the counting line runs along rows (people move across rows) or columns.
public enum CrossingAxis: String, CaseIterable, Hashable, Sendable {
    case rows, columns
}

/// Two infrared break-beams (or PIRs) a step apart: the order they break gives the direction.
public struct BeamPairSettings: Hashable, Sendable {
    /// The board's GPIO chip name.
    public var chip: String
    /// Pin names of the first and second beam (`GPIO17`, `GPIO27`) and their line offsets.
    public var pins: [GPIOPinConfig]
    /// Edges closer together than this on one line are contact bounce or flicker.
    public var debounce: Duration
    /// Names of the two directions: first beam → second beam first.
    public var directions: [String]

    public init(chip: String, pins: [GPIOPinConfig], debounce: Duration, directions: [String]) {
        self.chip = chip
        self.pins = pins
        self.debounce = debounce
        self.directions = directions
    }
}

/// What a footfall direction may be called: it becomes a tag upstream and a key of the JSON
/// outputs (the config's `directions`, `replay --directions`).
public enum DirectionName {
    public static let rule = "1–32 characters of a-z, 0-9, _ and -"

    public static func isValid(_ name: String) -> Bool {
        (1...32).contains(name.utf8.count)
            && name.utf8.allSatisfy { isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}
