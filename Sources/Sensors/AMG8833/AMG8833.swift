import Hardware

/// Panasonic Grid-EYE AMG8833 8×8 thermal array (docs/sensors.md, "Panasonic Grid-EYE AMG8833").
///
/// The counting pipeline calls ``readFrame()``; ``sample()`` returns only the thermistor
/// temperature, because pixels never become ``Reading``s (frames never leave RAM).
public final class AMG8833: Sensor {
    /// Registers (AMG88xx datasheet, register map).
    enum Register {
        static let powerControl: UInt8 = 0x00
        static let reset: UInt8 = 0x01
        static let frameRate: UInt8 = 0x02
        static let thermistorLow: UInt8 = 0x0E
        static let pixelsStart: UInt8 = 0x80
    }

    /// 0x68 with AD_SELECT low. The breakout default 0x69 collides with the SPS30/SEN5x: strap it.
    public static let defaultAddress = I2CAddress(0x68 as UInt8)

    public let id: SensorID
    public let model = "AMG8833"
    /// How often ``sample()`` (the thermistor reading) runs: aggregation needs no more.
    public let samplingInterval: Duration
    /// How often the counting pipeline should call ``readFrame()``: the chip runs at 10 fps.
    public static let frameInterval = Duration.milliseconds(100)
    public var frameInterval: Duration { Self.frameInterval }
    private let chip: ChipConnection
    private var startPending = true

    /// No I/O here; ``start()`` runs the power-on sequence.
    public init(
        id: SensorID, bus: any I2CBus, address: I2CAddress = AMG8833.defaultAddress, clock: any BoxClock,
        samplingInterval: Duration = .seconds(60)
    ) {
        self.id = id
        self.samplingInterval = samplingInterval
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
    }

    /// Power-on sequence (datasheet; docs/sensors.md): normal mode, wait 50 ms, initial reset,
    /// wait 2 ms, flag reset, wait 200 ms (two frames), then 10 fps.
    public func start() async throws {
        try chip.write([Register.powerControl, 0x00])
        try await chip.wait(.milliseconds(50))
        try chip.write([Register.reset, 0x3F])
        try await chip.wait(.milliseconds(2))
        try chip.write([Register.reset, 0x30])
        try await chip.wait(.milliseconds(200))
        try chip.write([Register.frameRate, 0x00])
        startPending = false
    }

    /// The thermistor temperature only.
    public func sample() async throws -> [Reading] {
        if startPending { try await start() }
        let thermistor = try readThermistor()
        return [Reading(sensor: id, quantity: .temperature, value: Double(thermistor), unit: .degreesCelsius, time: chip.now())]
    }

    /// Reads one frame: 64 pixels and the thermistor.
    ///
    /// With plain I2C one 128-byte auto-increment read from 0x80 with repeated start; on an
    /// SMBus-only adapter four 32-byte register reads (0x80, 0xA0, 0xC0, 0xE0).
    ///
    /// - Throws: ``SensorError/notReady`` when the chip answers an all-zero frame (it was reset
    ///   and has no frame yet: the next call runs the power-on sequence again).
    public func readFrame() async throws -> ThermalFrame {
        if startPending { try await start() }
        let bytes: [UInt8]
        if chip.bus.capabilities.contains(.plainI2C) {
            bytes = try chip.writeRead([Register.pixelsStart], count: 128)
        } else {
            var collected: [UInt8] = []
            for block in 0..<4 {
                collected += try chip.writeRead([Register.pixelsStart + UInt8(block * 32)], count: 32)
            }
            bytes = collected
        }
        let thermistorBytes = try chip.writeRead([Register.thermistorLow], count: 2)
        if bytes.allSatisfy({ $0 == 0 }), thermistorBytes == [0, 0] {
            // Nothing real reads exactly 0 °C everywhere including the thermistor: the chip lost
            // power and waits for its reset sequence.
            startPending = true
            throw SensorError.notReady
        }
        let thermistor = try amg8833ThermistorTemperature(low: thermistorBytes[0], high: thermistorBytes[1])
        return ThermalFrame(pixels: try amg8833Pixels(decoding: bytes), thermistor: thermistor, time: chip.now())
    }

    private func readThermistor() throws(SensorError) -> Float {
        let bytes = try chip.writeRead([Register.thermistorLow], count: 2)
        guard bytes.count == 2 else { throw .implausible("AMG8833 thermistor: \(bytes.count) bytes") }
        if bytes == [0, 0] {
            // 0 °C is a real winter value; a reset chip also reads all pixels as 0. Look.
            let pixels = try chip.writeRead([Register.pixelsStart], count: 32)
            if pixels.allSatisfy({ $0 == 0 }) {
                startPending = true
                throw .notReady
            }
        }
        return try amg8833ThermistorTemperature(low: bytes[0], high: bytes[1])
    }

    public func identify() async throws -> SensorIdentity {
        SensorIdentity(product: "AMG8833")
    }
}
