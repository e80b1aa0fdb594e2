import Hardware

/// Sensirion SEN5x environmental node (SEN54/SEN55): PM1…PM10, RH, T, VOC and NOx indices
/// (docs/sensors.md, "Sensirion SEN5x").
///
/// Sensirion framing, 16-bit command pointers, no repeated start: every read is a pointer write,
/// a 20 ms wait on the injected clock, and a separate read.
public final class SEN5x: Sensor {
    /// Command pointers (SEN5x datasheet §6.1).
    enum Command: UInt16 {
        case startMeasurement = 0x0021
        case stopMeasurement = 0x0104
        case readDataReady = 0x0202
        case readMeasuredValues = 0x03C4
        case startFanCleaning = 0x5607
        case productName = 0xD014
        case serialNumber = 0xD033
        case firmwareVersion = 0xD100
        case readDeviceStatus = 0xD206
        case deviceReset = 0xD304
    }

    /// Fixed at 0x69 (shared with the SPS30 and the AMG8833's default: one per bus).
    public static let defaultAddress = I2CAddress(0x69 as UInt8)
    /// docs/sensors.md: wait 20 ms between a read command and the read.
    static let readDelay = Duration.milliseconds(20)

    public let id: SensorID
    public let model = "SEN5x"
    public let samplingInterval: Duration
    /// After this many "not ready" answers in a row the driver reports ``SensorError/notReady``
    /// and restarts the measurement on the next sample: a chip that reset itself after a
    /// brown-out sits idle and never gets ready on its own.
    public var notReadyLimit = 3

    private let chip: ChipConnection
    private var notReadyInARow = 0
    private var restartPending = false
    private var measuringSince: MonotonicInstant?
    /// PM readings this long after a start are flagged warm-up: the SEN5x carries the SPS30's
    /// optical engine, whose worst-case stabilisation is 30 s (SPS30 datasheet §4.5; the SEN5x
    /// datasheet gives no figure `[?]`).
    public var particulateWarmUp: Duration = .seconds(30)

    /// No I/O here; ``start()`` talks to the chip.
    public init(
        id: SensorID, bus: any I2CBus, address: I2CAddress = SEN5x.defaultAddress, clock: any BoxClock,
        samplingInterval: Duration = .seconds(1)
    ) {
        self.id = id
        self.samplingInterval = samplingInterval
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
    }

    /// Device reset, then start measurement: from any state (even measuring) into measuring.
    public func start() async throws {
        try await send(.deviceReset, wait: .milliseconds(200))
        try await send(.startMeasurement, wait: .milliseconds(50))
        notReadyInARow = 0
        restartPending = false
        measuringSince = chip.now()
    }

    /// Reads the values if new ones are ready; nothing (once) if not.
    ///
    /// - Throws: ``SensorError/notReady`` after ``notReadyLimit`` empty polls in a row; CRC and
    ///   bus errors as they come.
    public func sample() async throws -> [Reading] {
        if restartPending { try await start() }
        let ready = try await readWords(.readDataReady, count: 1)[0] & 0x00FF == 1
        guard ready else {
            notReadyInARow += 1
            if notReadyInARow >= notReadyLimit {
                notReadyInARow = 0
                restartPending = true
                throw SensorError.notReady
            }
            return []
        }
        notReadyInARow = 0
        let values = try SEN5xValues(words: try await readWords(.readMeasuredValues, count: 8))
        let status = try await readStatus()
        let time = chip.now()
        var readings: [Reading] = []
        func add(_ quantity: Quantity, _ value: Double?, _ unit: Unit, _ quality: QualityFlags) {
            guard let value else { return }
            readings.append(Reading(sensor: id, quantity: quantity, value: value, unit: unit, time: time, quality: quality))
        }
        var particulate = status.particulateFlags
        if let since = measuringSince, since.duration(to: time) < particulateWarmUp { particulate.insert(.warmUp) }
        add(.massConcentrationPM1_0, values.pm1_0, .microgramsPerCubicMetre, particulate)
        add(.massConcentrationPM2_5, values.pm2_5, .microgramsPerCubicMetre, particulate)
        add(.massConcentrationPM4_0, values.pm4_0, .microgramsPerCubicMetre, particulate)
        add(.massConcentrationPM10, values.pm10, .microgramsPerCubicMetre, particulate)
        add(.relativeHumidity, values.relativeHumidity, .percentRelativeHumidity, status.climateFlags)
        add(.temperature, values.temperature, .degreesCelsius, status.climateFlags)
        add(.vocIndex, values.vocIndex, .index, status.gasFlags)
        add(.noxIndex, values.noxIndex, .index, status.gasFlags)
        return readings
    }

    /// The device status register (0xD206).
    public func readStatus() async throws -> SEN5xStatus {
        let words = try await readWords(.readDeviceStatus, count: 2)
        return SEN5xStatus(rawValue: UInt32(words[0]) << 16 | UInt32(words[1]))
    }

    /// Starts fan cleaning (measurement mode only; about 10 s, PM values frozen meanwhile and
    /// flagged ``QualityFlags/fanCleaning`` through status bit 19).
    public func startFanCleaning() async throws {
        try await send(.startFanCleaning, wait: .milliseconds(20))
    }

    /// Stops measuring (idle mode, fan off).
    public func stop() async throws {
        try await send(.stopMeasurement, wait: .milliseconds(200))
    }

    public func identify() async throws -> SensorIdentity {
        let product = sensirionString(try await readWords(.productName, count: 16))
        let serial = sensirionString(try await readWords(.serialNumber, count: 16))
        let version = try await readWords(.firmwareVersion, count: 1)[0]
        return SensorIdentity(product: product, serial: serial, firmware: "\(version >> 8).\(version & 0xFF)")
    }

    private func send(_ command: Command, wait duration: Duration) async throws {
        try await chip.sendSensirion(command.rawValue, wait: duration)
    }

    private func readWords(_ command: Command, count: Int) async throws -> [UInt16] {
        try await chip.readSensirionWords(command.rawValue, wait: Self.readDelay, count: count, what: "SEN5x \(hex(command.rawValue))")
    }
}
