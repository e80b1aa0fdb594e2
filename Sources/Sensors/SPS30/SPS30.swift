import Hardware

/// Driver for the Sensirion SPS30 particulate matter sensor over I2C.
///
/// The SPS30 has no repeated start: every read is a pointer write, then a read in a separate
/// transaction (datasheet §6.1). `init` does no I/O; ``start()`` resets the chip and starts
/// measuring; ``sample()`` polls the data-ready flag and reads the ten values once a second.
public final class SPS30: Sensor {
    public static let defaultAddress: I2CAddress = 0x69
    /// Sensirion's product type string (§6.3.9).
    public static let productType = "00080000"

    public let id: SensorID
    public let model = "SPS30"
    public let samplingInterval: Duration
    public var address: I2CAddress { chip.address }
    /// After how many polls in a row without new data the driver reports ``SensorError/notReady``
    /// (new values come every second; a few misses mean the chip stopped measuring).
    public var maximumNotReadyPolls = 3
    /// How often the status register is read (the fan and laser warnings change slowly).
    public var statusInterval: Duration = .seconds(60)

    private let chip: ChipConnection
    private var measuringSince: MonotonicInstant?
    private var notReadyPolls = 0
    private var fanCleaningUntil: MonotonicInstant?
    private var status: SPS30Status = []
    private var nextStatusRead: MonotonicInstant = .zero
    private var firmware: (major: UInt8, minor: UInt8)?

    public init(id: SensorID, bus: any I2CBus, address: I2CAddress = SPS30.defaultAddress, clock: any BoxClock,
                samplingInterval: Duration = .seconds(1)) {
        self.id = id
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
        self.samplingInterval = samplingInterval
    }

    /// The last status register read (empty before the first read, or on firmware < 2.2).
    public var lastStatus: SPS30Status { status }

    /// Resets the chip and starts measuring in float mode.
    ///
    /// The sequence follows the reference drivers: wake the chip in case it sleeps, reset, wait,
    /// stop (harmless; clears a power-on bus glitch), read the firmware version, start.
    public func start() async throws {
        measuringSince = nil
        notReadyPolls = 0
        fanCleaningUntil = nil
        status = []
        do {
            try await send(.deviceReset)
        } catch let error as SensorError where error.isNoAcknowledge {
            // A sleeping SPS30 has its I2C interface off: wake it and try the reset again.
            try await wakeUp()
            try await send(.deviceReset)
        }
        try await chip.wait(.milliseconds(400))  // reference drivers wait 500 ms in all after a reset
        try await send(.stopMeasurement)
        let version = try await readFirmwareVersion()
        firmware = version
        try await send(.startMeasurement, arguments: [SPS30OutputFormat.float.rawValue])
        measuringSince = chip.now()
        nextStatusRead = chip.now()
    }

    /// Wakes the chip from sleep mode (firmware ≥ 2.0).
    ///
    /// §6.3.6: "the first wake-up is NACKed by design": the first pulse only switches the
    /// interface on, the second command is the one the chip executes.
    public func wakeUp() async throws {
        do { try chip.write(SPS30Command.wakeUp.bytes) } catch {}
        try await send(.wakeUp)
    }

    /// Reads once: data-ready flag, then the ten values when ready.
    public func sample() async throws -> [Reading] {
        guard let since = measuringSince else {
            throw SensorError.implausible("SPS30 \(id) is not measuring; start() was not called or failed")
        }
        let now = chip.now()
        if now >= nextStatusRead, supportsStatusRegister {
            status = try await readStatus()
            nextStatusRead = now.advanced(by: statusInterval)
            if status.contains(.fanFailure) {
                // Bit 4 stays latched after a short stall (§4.4): clear it, so that it is flagged
                // again only if the fan is still stopped at the next read.
                try await send(.clearDeviceStatusRegister)
            }
        }
        let ready = try await readWords(.readDataReadyFlag, count: 1)
        guard ready[0] & 0x00FF == 1 else {
            notReadyPolls += 1
            if notReadyPolls > maximumNotReadyPolls {
                throw SensorError.notReady
            }
            return []
        }
        notReadyPolls = 0
        let bytes = try await chip.writeWaitRead(SPS30Command.readMeasuredValues.bytes, wait: .zero, count: 60)
        let measurement = try SPS30Measurement.decode(float: bytes)
        return readings(measurement, at: chip.now(), measuringFor: since.duration(to: now))
    }

    /// Starts fan cleaning (§6.3.7): 10 s at full speed, values frozen meanwhile.
    public func startFanCleaning() async throws {
        try await send(.startFanCleaning)
        fanCleaningUntil = chip.now().advanced(by: .seconds(10))
    }

    public func identify() async throws -> SensorIdentity {
        let product = sensirionString(try await readWords(.readProductType, count: 4))
        let serial = sensirionString(try await readWords(.readSerialNumber, count: 16))
        let version = try await readFirmwareVersion()
        return SensorIdentity(product: product, serial: serial, firmware: "\(version.major).\(version.minor)")
    }

    /// Reads the device status register (firmware ≥ 2.2).
    public func readStatus() async throws -> SPS30Status {
        let words = try await readWords(.readDeviceStatusRegister, count: 2)
        return SPS30Status(rawValue: UInt32(words[0]) << 16 | UInt32(words[1]))
    }

    /// Reads the auto-cleaning interval in seconds (0 = off).
    public func readAutoCleaningInterval() async throws -> UInt32 {
        let words = try await readWords(.autoCleaningInterval, count: 2)
        return UInt32(words[0]) << 16 | UInt32(words[1])
    }

    /// Sets the auto-cleaning interval in seconds (0 switches it off; default 604 800 = one week).
    public func setAutoCleaningInterval(_ seconds: UInt32) async throws {
        try await send(.autoCleaningInterval, arguments: [UInt16(seconds >> 16), UInt16(seconds & 0xFFFF)])
    }

    // MARK: Wire

    private var supportsStatusRegister: Bool {
        guard let firmware else { return false }
        return firmware.major > 2 || (firmware.major == 2 && firmware.minor >= 2)
    }

    private func readFirmwareVersion() async throws -> (major: UInt8, minor: UInt8) {
        let word = try await readWords(.readFirmwareVersion, count: 1)[0]
        return (UInt8(word >> 8), UInt8(word & 0xFF))
    }

    /// Sends a command (with CRC-framed argument words) and waits its execution time.
    private func send(_ command: SPS30Command, arguments: [UInt16] = []) async throws {
        try await chip.sendSensirion(command.rawValue, arguments: arguments, wait: command.executionTime)
    }

    /// Pointer write, then a separate read of `count` CRC-checked words (no repeated start).
    private func readWords(_ command: SPS30Command, count: Int) async throws -> [UInt16] {
        try await chip.readSensirionWords(command.rawValue, wait: .zero, count: count, what: "\(command) answer")
    }

    private func readings(_ m: SPS30Measurement, at time: MonotonicInstant, measuringFor elapsed: Duration) -> [Reading] {
        var flags: QualityFlags = []
        if elapsed < m.warmUpDuration { flags.insert(.warmUp) }
        if let until = fanCleaningUntil {
            if time < until { flags.insert(.fanCleaning) } else { fanCleaningUntil = nil }
        }
        if !status.isDisjoint(with: [.fanFailure, .fanSpeedWarning]) { flags.insert(.fanError) }
        if status.contains(.laserFailure) { flags.insert(.laserError) }
        // The specified range (0–1000 µg/m³) is checked by the pipeline's QualityMonitor, for
        // every sensor alike.
        func reading(_ quantity: Quantity, _ value: Float, _ unit: Unit) -> Reading {
            Reading(sensor: id, quantity: quantity, value: Double(value), unit: unit, time: time, quality: flags)
        }
        return [
            reading(.massConcentrationPM1_0, m.massPM1_0, .microgramsPerCubicMetre),
            reading(.massConcentrationPM2_5, m.massPM2_5, .microgramsPerCubicMetre),
            reading(.massConcentrationPM4_0, m.massPM4_0, .microgramsPerCubicMetre),
            reading(.massConcentrationPM10, m.massPM10, .microgramsPerCubicMetre),
            reading(.numberConcentrationPM0_5, m.numberPM0_5, .particlesPerCubicCentimetre),
            reading(.numberConcentrationPM1_0, m.numberPM1_0, .particlesPerCubicCentimetre),
            reading(.numberConcentrationPM2_5, m.numberPM2_5, .particlesPerCubicCentimetre),
            reading(.numberConcentrationPM4_0, m.numberPM4_0, .particlesPerCubicCentimetre),
            reading(.numberConcentrationPM10, m.numberPM10, .particlesPerCubicCentimetre),
            reading(.typicalParticleSize, m.typicalParticleSize, .micrometre),
        ]
    }
}
