import Hardware

/// What a reading measures, in the field's words. The raw value names the quantity in encoded
/// output (line protocol fields, CSV columns), so it is stable.
public struct Quantity: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let massConcentrationPM1_0 = Quantity("pm1_0")
    public static let massConcentrationPM2_5 = Quantity("pm2_5")
    public static let massConcentrationPM4_0 = Quantity("pm4_0")
    public static let massConcentrationPM10 = Quantity("pm10")
    public static let numberConcentrationPM0_5 = Quantity("nc0_5")
    public static let numberConcentrationPM1_0 = Quantity("nc1_0")
    public static let numberConcentrationPM2_5 = Quantity("nc2_5")
    public static let numberConcentrationPM4_0 = Quantity("nc4_0")
    public static let numberConcentrationPM10 = Quantity("nc10")
    public static let typicalParticleSize = Quantity("typical_particle_size")
    public static let temperature = Quantity("temperature")
    public static let relativeHumidity = Quantity("relative_humidity")
    public static let vocIndex = Quantity("voc_index")
    public static let noxIndex = Quantity("nox_index")
    public static let soilMoisture = Quantity("soil_moisture")
    public static let soilMoistureRaw = Quantity("soil_moisture_raw")
    public static let voltage = Quantity("voltage")
}

/// The unit of a reading's value (UCUM-like symbols, as SensorThings expects).
public enum Unit: String, Hashable, Sendable {
    case microgramsPerCubicMetre = "ug/m3"
    case particlesPerCubicCentimetre = "1/cm3"
    case micrometre = "um"
    case degreesCelsius = "Cel"
    case percentRelativeHumidity = "%RH"
    case percentVolumetric = "%vol"
    /// A relative percentage (soil moisture between a probe's dry and wet calibration counts).
    case percent = "%"
    case index = "index"
    case count = "count"
    case volt = "V"
}

/// Quality flags a data consumer can filter on. They travel with each reading into its aggregate.
public struct QualityFlags: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The sensor is within its start-up period; values are not yet stable.
    public static let warmUp = QualityFlags(rawValue: 1 << 0)
    /// Fan cleaning is running: values are frozen (SPS30 datasheet §4.1, 10 s).
    public static let fanCleaning = QualityFlags(rawValue: 1 << 1)
    /// Relative humidity above 70 %: optical PM sensors over-read on droplets.
    public static let highHumidity = QualityFlags(rawValue: 1 << 2)
    /// Outside the sensor's specified measuring range.
    public static let outOfRange = QualityFlags(rawValue: 1 << 3)
    /// The value has not changed for a configured number of samples.
    public static let stuck = QualityFlags(rawValue: 1 << 4)
    /// Recent errors on this sensor (failed reads, CRC mismatches, recoveries).
    public static let degraded = QualityFlags(rawValue: 1 << 5)
    /// Fan failure or fan speed out of range (SPS30/SEN5x status register).
    public static let fanError = QualityFlags(rawValue: 1 << 6)
    /// Laser failure (SPS30/SEN5x status register).
    public static let laserError = QualityFlags(rawValue: 1 << 7)
    /// Gas or RH/T sub-sensor error (SEN5x status register).
    public static let sensorError = QualityFlags(rawValue: 1 << 8)

    /// Names in a fixed order, for encoders and people.
    public static let names: [(QualityFlags, String)] = [
        (.warmUp, "warm_up"), (.fanCleaning, "fan_cleaning"), (.highHumidity, "high_humidity"),
        (.outOfRange, "out_of_range"), (.stuck, "stuck"), (.degraded, "degraded"),
        (.fanError, "fan_error"), (.laserError, "laser_error"), (.sensorError, "sensor_error"),
    ]

    public var names: [String] { Self.names.filter { contains($0.0) }.map(\.1) }
    public var description: String { names.isEmpty ? "ok" : names.joined(separator: "|") }
}

/// A name of a sensor in a box config (`"pm"`, `"soil-north"`), unique within the box.
public typealias SensorID = String

/// One value read from one sensor: what the pipeline passes from drivers to aggregation.
public struct Reading: Hashable, Sendable {
    public var sensor: SensorID
    public var quantity: Quantity
    public var value: Double
    public var unit: Unit
    /// When the value was read, on the monotonic clock.
    public var time: MonotonicInstant
    public var quality: QualityFlags

    public init(
        sensor: SensorID, quantity: Quantity, value: Double, unit: Unit, time: MonotonicInstant,
        quality: QualityFlags = []
    ) {
        self.sensor = sensor
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.time = time
        self.quality = quality
    }
}
