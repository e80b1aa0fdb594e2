import Hardware
import Simulator

/// The simulated board: one ``SimulatedI2CBus`` per bus of the board file, and a twin wired for
/// every configured sensor at its configured address — the box as a technician would wire it.
///
/// Every twin gets its own random stream derived from the seed and the sensor's id, so adding a
/// sensor does not change what the others measure, and the same seed gives the same run.
public final class SimulatedHardware: HardwareBackend {
    public let clock: any BoxClock
    public let seed: UInt64
    private var buses: [String: SimulatedI2CBus] = [:]

    public init(board: BoardConfig, clock: any BoxClock, seed: UInt64) {
        self.clock = clock
        self.seed = seed
        for bus in board.i2cBuses {
            buses[bus.name] = SimulatedI2CBus(name: "sim-\(bus.name)", clock: clock)
        }
    }

    /// The simulated bus with this board name, for tests and fault injection.
    public func simulatedBus(named name: String) -> SimulatedI2CBus? { buses[name] }

    public func i2cBus(named name: String) throws -> any I2CBus {
        guard let bus = buses[name] else { throw AssemblyError("the simulated board has no I2C bus \(name)") }
        return bus
    }

    public func gpioLine(chip: String, pin: String) throws -> any GPIOEdgeInput {
        throw AssemblyError("simulated GPIO line \(chip):\(pin) is not wired")
    }

    /// Puts a twin on the bus for every configured sensor.
    public func wire(_ box: BoxConfig) {
        for sensor in box.sensors {
            guard let placement = sensor.i2c, let bus = buses[placement.bus],
                  bus.device(at: placement.address) == nil else { continue }
            let sensorSeed = seed ^ stableHash(sensor.id)
            switch sensor.settings {
            case .sps30:
                bus.attach(
                    SPS30Twin(air: UrbanAirScenario(seed: sensorSeed), clock: clock,
                              serialNumber: Self.serial(prefix: "SPS", seed: sensorSeed)),
                    at: placement.address)
            default:
                continue
            }
        }
    }

    /// A reproducible serial number for a twin.
    static func serial(prefix: String, seed: UInt64) -> String {
        let digits = Array("0123456789ABCDEF")
        var value = seed
        var text = prefix
        for _ in 0..<12 {
            text.append(digits[Int(value & 0xF)])
            value >>= 4
        }
        return text
    }
}
