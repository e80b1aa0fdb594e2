import Hardware

/// Adafruit STEMMA soil sensor: seesaw firmware on an ATSAMD10, capacitive moisture on touch
/// channel 0 plus the MCU's temperature (docs/sensors.md, "Adafruit STEMMA soil sensor").
///
/// Every register read is a write of `[base, function]`, a wait of at least 5 ms on the injected
/// clock, and a separate read: the firmware has no repeated start and needs time to fetch the value.
public final class SeesawSoil: Sensor {
    /// Module base and function registers (Adafruit seesaw documentation).
    enum Register {
        static let hardwareID: [UInt8] = [0x00, 0x01]
        static let version: [UInt8] = [0x00, 0x02]
        static let temperature: [UInt8] = [0x00, 0x04]
        static let softwareReset: [UInt8] = [0x00, 0x7F]
        /// Touch base 0x0F, function 0x10 + channel; moisture is channel 0.
        static let moisture: [UInt8] = [0x0F, 0x10]
    }

    /// 0x36 (0x36–0x39 by the address straps).
    public static let defaultAddress = I2CAddress(0x36 as UInt8)
    /// The hardware id of a SAMD09/SAMD10 seesaw.
    static let expectedHardwareID: UInt8 = 0x55
    /// docs/sensors.md: wait ≥5 ms before reading.
    static let readDelay = Duration.milliseconds(5)

    public let id: SensorID
    public let model = "seesaw soil"
    public let samplingInterval: Duration
    /// Retries of a moisture read that came back as a spike above 4095 (docs/sensors.md: up to 3).
    public var spikeRetries = 3
    /// The counts of this probe in dry and in wet soil. When set, a relative moisture reading
    /// (0 % at the dry count, 100 % at the wet count, clamped and flagged beyond) is added.
    public var moistureCalibration: (dry: Int, wet: Int)?

    private let chip: ChipConnection

    /// No I/O here; ``start()`` talks to the chip.
    public init(
        id: SensorID, bus: any I2CBus, address: I2CAddress = SeesawSoil.defaultAddress, clock: any BoxClock,
        samplingInterval: Duration = .seconds(60)
    ) {
        self.id = id
        self.samplingInterval = samplingInterval
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
    }

    /// Software reset, then checks the hardware id.
    ///
    /// - Throws: ``SensorError/wrongIdentity(expected:found:)`` when another chip answers.
    public func start() async throws {
        try chip.write(Register.softwareReset + [0xFF])
        // docs/sensors.md: wait 500 ms after a software reset.
        try await chip.wait(.milliseconds(500))
        let id = try await read(Register.hardwareID, count: 1)[0]
        guard id == Self.expectedHardwareID else {
            throw SensorError.wrongIdentity(expected: "seesaw hardware id \(hex(Self.expectedHardwareID))", found: hex(id))
        }
    }

    /// Moisture count and temperature.
    public func sample() async throws -> [Reading] {
        let moisture = try await readMoisture()
        let temperature = try seesawTemperature(decoding: try await read(Register.temperature, count: 4))
        let time = chip.now()
        var readings = [
            Reading(sensor: id, quantity: .soilMoistureRaw, value: Double(moisture), unit: .count, time: time),
            Reading(sensor: id, quantity: .temperature, value: temperature, unit: .degreesCelsius, time: time),
        ]
        if let (dry, wet) = moistureCalibration, wet > dry {
            let relative = Double(Int(moisture) - dry) / Double(wet - dry) * 100
            let clamped = min(100, max(0, relative))
            readings.insert(
                Reading(sensor: id, quantity: .soilMoisture, value: clamped, unit: .percent, time: time,
                        quality: clamped == relative ? [] : .outOfRange),
                at: 1)
        }
        return readings
    }

    /// The moisture count, retrying spikes above 4095 up to ``spikeRetries`` times.
    public func readMoisture() async throws -> UInt16 {
        var attempt = 0
        while true {
            do {
                return try seesawMoisture(decoding: try await read(Register.moisture, count: 2))
            } catch let error as SensorError {
                guard case .implausible = error, attempt < spikeRetries else { throw error }
                attempt += 1
            }
        }
    }

    public func identify() async throws -> SensorIdentity {
        let id = try await read(Register.hardwareID, count: 1)[0]
        let version = try await read(Register.version, count: 4)
        // Upper 16 bits of the version are the product id (4026 for the soil sensor).
        let product = UInt16(version[0]) << 8 | UInt16(version[1])
        return SensorIdentity(product: "seesaw \(hex(id)) product \(product)")
    }

    private func read(_ register: [UInt8], count: Int) async throws -> [UInt8] {
        try await chip.writeWaitRead(register, wait: Self.readDelay, count: count)
    }
}
