import Hardware

/// Sensirion SHT4x temperature and humidity sensor (docs/sensors.md, "Sensirion SHT4x").
///
/// The box needs it to flag optical PM readings in humid air. One-byte commands, no repeated
/// start; the chip NACKs its address while a measurement runs, so the driver waits the
/// measurement time on the injected clock before reading.
public final class SHT4x: Sensor {
    /// Repeatability of a measurement: higher precision takes longer.
    public enum Precision: Sendable, Hashable {
        case high, medium, low

        /// Measurement commands 0xFD / 0xF6 / 0xE0.
        var command: UInt8 {
            switch self {
            case .high: 0xFD
            case .medium: 0xF6
            case .low: 0xE0
            }
        }

        /// docs/sensors.md: wait 10 / 5 / 2 ms (datasheet maxima 8.3 / 4.5 / 1.6 ms, rounded up).
        var measurementTime: Duration {
            switch self {
            case .high: .milliseconds(10)
            case .medium: .milliseconds(5)
            case .low: .milliseconds(2)
            }
        }
    }

    enum Command {
        /// Read serial number, two words (datasheet §4.5).
        static let serialNumber: UInt8 = 0x89
        /// Soft reset (datasheet §4.5): 1 ms max, docs/sensors.md says 1–10 ms.
        static let softReset: UInt8 = 0x94
    }

    /// 0x44; the SHT4x-B variants sit at 0x45.
    public static let defaultAddress = I2CAddress(0x44 as UInt8)

    public let id: SensorID
    public let model = "SHT4x"
    public let samplingInterval: Duration
    /// The repeatability every measurement uses.
    public let precision: Precision
    private let chip: ChipConnection

    /// No I/O here; ``start()`` talks to the chip.
    public init(
        id: SensorID, bus: any I2CBus, address: I2CAddress = SHT4x.defaultAddress, clock: any BoxClock,
        precision: Precision = .high, samplingInterval: Duration = .seconds(10)
    ) {
        self.id = id
        self.precision = precision
        self.samplingInterval = samplingInterval
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
    }

    /// Soft reset: the SHT4x has no measurement mode to enter, so starting is only getting it to a
    /// known state (a heater left on by a previous run is switched off by the reset).
    public func start() async throws {
        try chip.write([Command.softReset])
        // docs/sensors.md: soft reset takes 1–10 ms; wait the longest.
        try await chip.wait(.milliseconds(10))
    }

    /// Measures once: temperature and relative humidity, stamped after the read.
    public func sample() async throws -> [Reading] {
        let measurement = try await measure()
        let time = chip.now()
        return [
            Reading(sensor: id, quantity: .temperature, value: measurement.temperature, unit: .degreesCelsius, time: time),
            Reading(sensor: id, quantity: .relativeHumidity, value: measurement.relativeHumidity, unit: .percentRelativeHumidity, time: time),
        ]
    }

    /// One measurement at the configured precision.
    ///
    /// - Throws: ``SensorError/notReady`` when the chip still NACKs its address after the
    ///   measurement time (it never finished), CRC and bus errors as they come.
    public func measure() async throws -> SHT4xMeasurement {
        try chip.write([precision.command])
        try await chip.wait(precision.measurementTime)
        let bytes: [UInt8]
        do {
            bytes = try chip.read(count: 6)
        } catch let error where error.isNoAcknowledge {  // busy: NACK while measuring
            // The command was acknowledged a moment ago, so a NACK now means "still busy"
            // (datasheet §4.4: the sensor does not acknowledge a read header while measuring).
            throw SensorError.notReady
        }
        return try SHT4xMeasurement(decoding: bytes)
    }

    public func identify() async throws -> SensorIdentity {
        // Serial read: the datasheet gives no wait; 1 ms is what Sensirion's driver uses.
        let bytes = try await chip.writeWaitRead([Command.serialNumber], wait: .milliseconds(1), count: 6)
        return SensorIdentity(product: "SHT4x", serial: hexSerial(try sht4xSerialNumber(decoding: bytes)))
    }
}
