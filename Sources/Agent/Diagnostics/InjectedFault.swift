import Hardware
import Sensors
import Simulator

/// A fault a technician switches on for one sensor of the simulated board (`selftest
/// --inject-fault pm=unplugged`), for training and for tests of the selftest itself.
public enum InjectedFault: Hashable, Sendable, CustomStringConvertible {
    /// One of the simulator's faults at the sensor's address (`unplugged`, `crcCorruption` …).
    case fault(Fault)
    /// Another chip's twin answers at the sensor's address.
    case wrongIdentity

    /// `wrong-identity` or a ``Fault`` name.
    public init?(_ text: String) {
        if text == "wrong-identity" {
            self = .wrongIdentity
        } else if let fault = Fault(rawValue: text) {
            self = .fault(fault)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .fault(let fault): fault.rawValue
        case .wrongIdentity: "wrong-identity"
        }
    }

    /// Every accepted name, for error messages.
    public static var knownList: String {
        (Fault.allCases.map(\.rawValue) + ["wrong-identity"]).joined(separator: ", ")
    }
}

/// Why a fault could not be injected.
public struct FaultInjectionError: Error, CustomStringConvertible {
    public var description: String
}

extension SimulatedHardware {
    /// Switches `fault` on for the configured sensor `sensor` of `box`.
    ///
    /// `wrongIdentity` replaces the twin with another chip's: an SPS30 where an SHT4x is
    /// configured, an SHT4x anywhere else (as if the wrong breakout had been plugged in).
    public func inject(_ fault: InjectedFault, into sensor: SensorID, of box: BoxConfig) throws(FaultInjectionError) {
        guard let config = box.sensor(sensor) else {
            let known = box.sensors.map(\.id).joined(separator: ", ")
            throw FaultInjectionError(description: "no sensor \(sensor) in box \(box.id) (sensors: \(known))")
        }
        guard let placement = config.i2c, let bus = simulatedBus(named: placement.bus) else {
            throw FaultInjectionError(description: "sensor \(sensor) is not an I2C chip of the simulated board")
        }
        switch fault {
        case .fault(let fault):
            bus.setFault(fault, at: placement.address)
        case .wrongIdentity:
            // Powered on at monotonic zero, like the twins it replaces: past its power-up time.
            let impostor: any SimulatedI2CDevice = config.type == .sht4x
                ? SPS30Twin(air: UrbanAirScenario(seed: seed), clock: clock)
                : SHT4xTwin(weather: DiurnalWeather(seed: seed))
            bus.detach(at: placement.address)
            bus.attach(impostor, at: placement.address)
        }
    }
}
