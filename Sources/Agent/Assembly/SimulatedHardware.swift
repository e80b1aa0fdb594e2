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
    /// The pavement under the footfall sensors: the AMG8833 twin and the beam twins look at it.
    public let street: StreetWorld
    private var buses: [String: SimulatedI2CBus] = [:]
    private var gpioLines: [String: SimulatedGPIOLine] = [:]

    /// - Parameter street: the street scenario; its calendar is moved to the clock's, so the
    ///   street's day and week follow the simulated date.
    public init(board: BoardConfig, clock: any BoxClock, seed: UInt64, street scenario: StreetScenario = .springWeekday) {
        self.clock = clock
        self.seed = seed
        var scenario = scenario
        scenario.start = clock.wallTime().time + .nanoseconds(-Int64(clock.now().nanoseconds))
        self.street = StreetWorld(scenario: scenario, seed: seed ^ 0x5354_5245_4554)
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
        guard let line = gpioLines["\(chip):\(pin)"] else {
            throw AssemblyError("nothing is wired to simulated GPIO line \(chip):\(pin)")
        }
        return line
    }

    /// Puts a twin on the bus for every configured sensor, each seeing the same street: the air
    /// of one ``UrbanAirScenario``, the temperature and humidity of one ``DiurnalWeather``.
    public func wire(_ box: BoxConfig) {
        let air = UrbanAirScenario(seed: seed)
        let weather = DiurnalWeather(seed: seed ^ 0x5745_4154, startHour: hourOfDayAtMonotonicZero())
        // Several probes may share one ADS1115 on different channels: one twin per address.
        var adcInputs: [String: [I2CAddress: [Int: ADS1115Twin.Input]]] = [:]
        for sensor in box.sensors {
            if case .beamPair(let settings) = sensor.settings {
                for (index, pin) in settings.pins.prefix(2).enumerated() {
                    gpioLines["\(settings.chip):\(pin.name)"] = SimulatedGPIOLine(
                        name: "sim-\(settings.chip):\(pin.name)", scene: street.beamScene, beam: index, clock: clock)
                }
            }
            guard let placement = sensor.i2c, let bus = buses[placement.bus],
                  bus.device(at: placement.address) == nil else { continue }
            let sensorSeed = seed ^ stableHash(sensor.id)
            let twin: (any SimulatedI2CDevice)?
            switch sensor.settings {
            case .sps30:
                twin = SPS30Twin(air: air, clock: clock, serialNumber: Self.serial(prefix: "SPS", seed: sensorSeed))
            case .sen5x(let model):
                let variant: SEN5xTwin.Variant = switch model {
                case .sen50: .sen50
                case .sen54: .sen54
                case .sen55: .sen55
                }
                twin = SEN5xTwin(variant: variant, air: .urban(air, clock: clock), weather: weather,
                                 serialNumber: Self.serial(prefix: "SEN", seed: sensorSeed), poweredOnAt: clock.now())
            case .pmsa003i:
                twin = PMSA003ITwin(air: .urban(air, clock: clock), poweredOnAt: clock.now(), seed: sensorSeed)
            case .sht4x:
                twin = SHT4xTwin(weather: weather, serialNumber: UInt32(truncatingIfNeeded: sensorSeed), poweredOnAt: clock.now())
            case .seesawSoil:
                twin = SeesawSoilTwin(soil: SoilDrying(seed: sensorSeed), weather: weather, poweredOnAt: clock.now())
            case .ads1115Soil(let settings):
                let probe = SoilProbeInput(soil: SoilDrying(seed: sensorSeed), dryVoltage: settings.dryVoltage, wetVoltage: settings.wetVoltage)
                adcInputs[placement.bus, default: [:]][placement.address, default: [:]][settings.channel] = probe.input
                twin = nil
            case .amg8833:
                twin = AMG8833Twin(scene: street.thermalScene)
            case .beamPair:
                twin = nil
            }
            if let twin { bus.attach(twin, at: placement.address) }
        }
        for (busName, converters) in adcInputs {
            for (address, inputs) in converters { buses[busName]?.attach(ADS1115Twin(inputs: inputs), at: address) }
        }
    }

    /// The hour of the day (UTC) at monotonic zero, for scenarios that run on monotonic time.
    private func hourOfDayAtMonotonicZero() -> Double {
        let atZero = clock.wallTime().time + .nanoseconds(-Int64(clock.now().nanoseconds))
        return Double(atZero.secondOfDay) / 3600
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
