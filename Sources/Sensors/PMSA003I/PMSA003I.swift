import Hardware

/// Plantower PMSA003I particulate matter sensor on I2C (docs/sensors.md, "Plantower PMSA003I").
///
/// Every read is a plain 32-byte read of the latest frame; the chip updates it about once a second.
/// Readings are the atmospheric-environment mass concentrations (the ones meant for outdoor air).
public final class PMSA003I: Sensor {
    /// Fixed at 0x12.
    public static let defaultAddress = I2CAddress(0x12 as UInt8)

    public let id: SensorID
    public let model = "PMSA003I"
    public let samplingInterval: Duration
    /// Whether to select register 0 before reading (`S 12+W 00 Sr 12+R …`), as some drivers do;
    /// the chip answers the frame both ways.
    public let selectsRegisterZero: Bool
    /// How many reads a sample tries, 1 s apart, when the sensor answers zeros or garbage
    /// (after power-up it does so for a few seconds).
    public var attempts = 5

    private let chip: ChipConnection
    private var badFrames = 0

    /// No I/O here; ``start()`` talks to the chip.
    public init(
        id: SensorID, bus: any I2CBus, address: I2CAddress = PMSA003I.defaultAddress, clock: any BoxClock,
        selectsRegisterZero: Bool = false, samplingInterval: Duration = .seconds(1)
    ) {
        self.id = id
        self.selectsRegisterZero = selectsRegisterZero
        self.samplingInterval = samplingInterval
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
    }

    /// Checks that the sensor answers on the bus. Its first frames after power-up are often not
    /// valid yet (sluggish start): ``sample()`` rides over those without blocking the scheduler.
    public func start() async throws {
        badFrames = 0
        _ = selectsRegisterZero ? try chip.writeRead([0x00], count: 32) : try chip.read(count: 32)
    }

    /// Reads one frame. A frame that fails its checks (zeros, a wrong header or checksum) gives no
    /// reading; only ``attempts`` such frames in a row are an error. The wait between tries is the
    /// scheduler's tick, never a sleep here: other sensors on the box keep their cadence.
    public func sample() async throws -> [Reading] {
        let frame: PMSA003IFrame
        do {
            frame = try await readFrame(attempts: 1)
        } catch let error as SensorError {
            if case .bus = error { throw error }
            badFrames += 1
            if badFrames >= attempts { throw error }
            return []
        }
        badFrames = 0
        let time = chip.now()
        let quality: QualityFlags = frame.errorCode != 0 ? .sensorError : []
        return [
            (Quantity.massConcentrationPM1_0, frame.atmospheric.pm1_0),
            (.massConcentrationPM2_5, frame.atmospheric.pm2_5),
            (.massConcentrationPM10, frame.atmospheric.pm10),
        ].map { quantity, value in
            Reading(sensor: id, quantity: quantity, value: Double(value), unit: .microgramsPerCubicMetre, time: time, quality: quality)
        }
    }

    /// Reads one valid frame, retrying frames that fail their checks (zeros, a wrong header or
    /// checksum) 1 s apart. Bus errors are not retried: they are the wiring's, not the sensor's.
    public func readFrame(attempts: Int) async throws -> PMSA003IFrame {
        var lastError = SensorError.notReady
        for attempt in 0..<max(attempts, 1) {
            if attempt > 0 { try await chip.wait(.seconds(1)) }
            let bytes = selectsRegisterZero ? try chip.writeRead([0x00], count: 32) : try chip.read(count: 32)
            do {
                return try PMSA003IFrame(decoding: bytes)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// The PMSA003I has no identity register; the frame's version byte is the closest thing.
    public func identify() async throws -> SensorIdentity {
        let frame = try await readFrame(attempts: attempts)
        return SensorIdentity(product: "PMSA003I", firmware: "\(frame.version)")
    }
}
