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
        default:
            throw AssemblyError("no driver for \(config.type.model) yet")
        }
    }
}
