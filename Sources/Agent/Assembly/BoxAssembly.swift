import Hardware
import Sensors

/// Builds the drivers of a box config on a hardware backend.
public enum BoxAssembly {
    /// One driver per configured sensor, in config order. Drivers are built at their first start
    /// (see ``DeferredSensor``), so a bus that does not open fails only its own sensors.
    public static func sensors(for box: BoxConfig, on hardware: any HardwareBackend) -> [any Sensor] {
        box.sensors.map { config in
            DeferredSensor(id: config.id, model: config.type.model, samplingInterval: config.interval) {
                try driver(for: config, on: hardware)
            }
        }
    }

    /// The window length in seconds per sensor.
    public static func windows(for box: BoxConfig) -> [SensorID: Int64] {
        Dictionary(uniqueKeysWithValues: box.sensors.map { ($0.id, $0.window.components.seconds) })
    }

    static func driver(for config: SensorConfig, on hardware: any HardwareBackend) throws -> any Sensor {
        let clock = hardware.clock
        func bus() throws -> (any I2CBus, I2CAddress) {
            guard let placement = config.i2c else { throw AssemblyError("sensor \(config.id) has no I2C placement") }
            return (try hardware.i2cBus(named: placement.bus), placement.address)
        }
        switch config.settings {
        case .sps30:
            let (bus, address) = try bus()
            return SPS30(id: config.id, bus: bus, address: address, clock: clock, samplingInterval: config.interval)
        case .sen5x:
            let (bus, address) = try bus()
            return SEN5x(id: config.id, bus: bus, address: address, clock: clock, samplingInterval: config.interval)
        case .pmsa003i:
            let (bus, address) = try bus()
            return PMSA003I(id: config.id, bus: bus, address: address, clock: clock, samplingInterval: config.interval)
        case .sht4x(let precision):
            let (bus, address) = try bus()
            let chosen: SHT4x.Precision = switch precision {
            case .high: .high
            case .medium: .medium
            case .low: .low
            }
            return SHT4x(id: config.id, bus: bus, address: address, clock: clock, precision: chosen, samplingInterval: config.interval)
        case .seesawSoil(let dryCount, let wetCount):
            let (bus, address) = try bus()
            let seesaw = SeesawSoil(id: config.id, bus: bus, address: address, clock: clock, samplingInterval: config.interval)
            seesaw.moistureCalibration = (dryCount, wetCount)
            return seesaw
        case .ads1115Soil(let settings):
            let (bus, address) = try bus()
            guard let input = ADS1115Input(rawValue: settings.channel), let gain = ADS1115Gain(fullScale: settings.fullScale) else {
                throw AssemblyError("sensor \(config.id): channel \(settings.channel) or gain \(settings.fullScale) V is not an ADS1115 setting")
            }
            return ADS1115SoilProbe(
                id: config.id, bus: bus, address: address, clock: clock, input: input, gain: gain,
                calibration: SoilProbeCalibration(dryVoltage: settings.dryVoltage, wetVoltage: settings.wetVoltage),
                samplingInterval: config.interval)
        case .amg8833:
            let (bus, address) = try bus()
            return AMG8833(id: config.id, bus: bus, address: address, clock: clock, samplingInterval: config.interval)
        case .beamPair:
            throw AssemblyError("sensor \(config.id): beam pairs are counters, not sampled sensors")
        }
    }
}
