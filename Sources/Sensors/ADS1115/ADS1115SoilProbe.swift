import Hardware

/// An analog capacitive soil probe read through a TI ADS1115 ADC (docs/sensors.md, "TI ADS1115").
///
/// Each sample is one single-shot conversion: write the config with OS = 1, wait 1/SPS on the
/// injected clock, poll the OS bit until the conversion is done, read the conversion register.
/// Register reads use a repeated start (`S addr+W ptr Sr addr+R hi lo P`).
public final class ADS1115SoilProbe: Sensor {
    /// Register pointers.
    enum Pointer {
        static let conversion: UInt8 = 0x00
        static let config: UInt8 = 0x01
    }

    /// 0x48 (ADDR to GND); 0x49 VDD, 0x4A SDA, 0x4B SCL.
    public static let defaultAddress = I2CAddress(0x48 as UInt8)

    public let id: SensorID
    public let model = "ADS1115"
    public let samplingInterval: Duration
    /// The input the probe is wired to.
    public let input: ADS1115Input
    /// The full-scale range of each conversion.
    public let gain: ADS1115Gain
    /// Conversion speed: slower is less noisy.
    public let dataRate: ADS1115DataRate
    /// This probe's dry and wet points.
    public let calibration: SoilProbeCalibration
    /// How often the OS bit is polled after the conversion time before giving up.
    public var pollLimit = 3

    private let chip: ChipConnection

    /// No I/O here. The probe is measured single-ended on `input`.
    public init(
        id: SensorID, bus: any I2CBus, address: I2CAddress = ADS1115SoilProbe.defaultAddress, clock: any BoxClock,
        input: ADS1115Input = .ain0, gain: ADS1115Gain = .fullScale4_096, dataRate: ADS1115DataRate = .sps128,
        calibration: SoilProbeCalibration, samplingInterval: Duration = .seconds(60)
    ) {
        self.id = id
        self.input = input
        self.gain = gain
        self.dataRate = dataRate
        self.calibration = calibration
        self.samplingInterval = samplingInterval
        self.chip = ChipConnection(bus: bus, address: address, clock: clock)
    }

    /// The config word every sample writes.
    var configWord: UInt16 { ads1115SingleShotConfig(input: input, gain: gain, dataRate: dataRate) }

    /// Checks that an ADS1115 answers: its config register must look like one (single-shot or
    /// continuous, comparator bits as after reset or as this driver writes them). Nothing is
    /// written: the chip powers up idle in single-shot mode.
    public func start() async throws {
        let config = try readRegister(Pointer.config)
        guard config & 0x0003 == 0x0003 else {
            throw SensorError.wrongIdentity(expected: "ADS1115 config with comparator off", found: hex(config))
        }
    }

    /// One conversion: the probe voltage and the calibrated water content.
    public func sample() async throws -> [Reading] {
        let volts = try await convert()
        let time = chip.now()
        let (percent, outOfRange) = calibration.waterContent(volts: volts)
        return [
            Reading(sensor: id, quantity: .voltage, value: volts, unit: .volt, time: time),
            Reading(sensor: id, quantity: .soilMoisture, value: percent, unit: .percentVolumetric, time: time,
                    quality: outOfRange ? .outOfRange : []),
        ]
    }

    /// Runs one single-shot conversion and returns the input voltage.
    ///
    /// - Throws: ``SensorError/notReady`` when the OS bit does not come back within
    ///   ``pollLimit`` polls; ``SensorError/implausible(_:)`` when the config read back is not what
    ///   was written (a reset chip, or a corrupted read).
    public func convert() async throws -> Double {
        let config = configWord
        try chip.write([Pointer.config, UInt8(config >> 8), UInt8(config & 0xFF)])
        try await chip.wait(dataRate.conversionTime)
        var polls = 0
        while true {
            let current = try readRegister(Pointer.config)
            // The config reads back as written, except OS (bit 15): 0 while converting, 1 when done.
            guard current & 0x7FFF == config & 0x7FFF else {
                throw SensorError.implausible("ADS1115 config reads \(hex(current)), wrote \(hex(config))")
            }
            if current & 0x8000 != 0 { break }
            polls += 1
            guard polls < pollLimit else { throw SensorError.notReady }
            try await chip.wait(dataRate.conversionTime / 4)
        }
        let raw = Int16(bitPattern: try readRegister(Pointer.conversion))
        return ads1115Volts(raw: raw, gain: gain)
    }

    public func identify() async throws -> SensorIdentity {
        let config = try readRegister(Pointer.config)
        return SensorIdentity(product: "ADS1115 (config \(hex(config)))")
    }

    private func readRegister(_ pointer: UInt8) throws(SensorError) -> UInt16 {
        let bytes = try chip.writeRead([pointer], count: 2)
        guard bytes.count == 2 else { throw .implausible("ADS1115 register \(hex(pointer)): \(bytes.count) bytes") }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }
}
