import Aggregation
import Counting
import Hardware
import Sensors

/// Builds the drivers of a box config on a hardware backend.
public enum BoxAssembly {
    /// One driver per configured sensor, in config order. Drivers are built at their first start
    /// (see ``DeferredSensor``), so a bus that does not open fails only its own sensors.
    /// Footfall counters (AMG8833, beam pairs) are sensors too; their releases go through the
    /// box's privacy profile with noise from `randomness`. A thermal counter that names a beam
    /// pair (`beams = "…"`) gets that pair's exact window counts to fill in what it cannot see —
    /// except under `dp`: a filled-in count moves by about two for one person (the ratio of
    /// thermal to beam crossings), and the noise is scaled for one. With a `state` directory, the
    /// ratio is kept there across restarts.
    public static func sensors(
        for box: BoxConfig, on hardware: any HardwareBackend, randomness: FootfallRandomness = .system,
        state: StateDirectory? = nil
    ) -> [any Sensor] {
        var shared: [SensorID: SharedBeamCounts] = [:]
        let fillsIn = if case .differentialPrivacy = box.privacy { false } else { true }
        for config in box.sensors where fillsIn {
            guard case .amg8833(let settings) = config.settings, let pair = settings.beams else { continue }
            shared[pair] = SharedBeamCounts(
                counter: pair, directions: settings.directions, windowSeconds: config.window.components.seconds)
        }
        return box.sensors.map { config in
            let interval = config.type == .amg8833 ? AMG8833.frameInterval : config.interval
            return DeferredSensor(id: config.id, model: config.type.model, samplingInterval: interval) {
                try driver(
                    for: config, on: hardware, privacy: PrivacyProfile(box.privacy), randomness: randomness,
                    shared: shared, state: state)
            }
        }
    }

    /// The window length in seconds per sensor.
    public static func windows(for box: BoxConfig) -> [SensorID: Int64] {
        Dictionary(uniqueKeysWithValues: box.sensors.map { ($0.id, $0.window.components.seconds) })
    }

    static func driver(
        for config: SensorConfig, on hardware: any HardwareBackend, privacy: PrivacyProfile, randomness: FootfallRandomness,
        shared: [SensorID: SharedBeamCounts] = [:], state: StateDirectory? = nil
    ) throws -> any Sensor {
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
        case .amg8833(let settings):
            let (bus, address) = try bus()
            let camera = AMG8833(id: config.id, bus: bus, address: address, clock: clock)
            let counter = ThermalCounterConfiguration(width: 8, height: 8, line: try countingLine(settings, sensor: config.id))
                .mounted(settings.mounting)
            return ThermalFootfallCounter(
                camera: camera, clock: clock, counter: counter,
                windowSeconds: config.window.components.seconds, profile: privacy, randomness: randomness,
                beams: settings.beams.flatMap { pair in shared[pair].map { (pair, $0) } },
                calibrationFile: state.map { FusionCalibrationFile(state: $0, sensor: config.id) })
        case .beamPair(let settings):
            guard settings.pins.count == 2 else { throw AssemblyError("sensor \(config.id): a beam pair needs two pins") }
            let first = try hardware.gpioLine(chip: settings.chip, pin: settings.pins[0].name)
            let second = try hardware.gpioLine(chip: settings.chip, pin: settings.pins[1].name)
            return BeamFootfallCounter(
                id: config.id, pair: BeamPair(first: first, second: second, clock: clock), clock: clock,
                debounce: settings.debounce, directions: settings.directions,
                windowSeconds: config.window.components.seconds, profile: privacy, randomness: randomness,
                samplingInterval: config.interval, sharing: shared[config.id])
        }
    }

    /// The tracker's counting line from the config's line, axis and direction names.
    static func countingLine(_ settings: ThermalCounterSettings, sensor: SensorID) throws -> CountingLine {
        let position: Double = switch settings.line {
        case .middle: 0.5
        case .index(let index): (Double(index) + 0.5) / 8
        }
        guard settings.directions.count == 2, settings.directions[0] != settings.directions[1],
              position > 0, position < 1 else {
            throw AssemblyError("sensor \(sensor): the counting line needs two different direction names")
        }
        return CountingLine(
            axis: settings.axis == .rows ? .rows : .columns, position: position,
            positiveName: settings.directions[0], negativeName: settings.directions[1])
    }
}
