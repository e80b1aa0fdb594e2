import Hardware

/// Checks that no two devices answer on one address of one bus, and that no GPIO line is used
/// twice. Several soil probes may share one ADS1115 (one chip, four inputs) on different channels.
enum AddressPlan {
    static func check(_ sensors: [Located<SensorConfig>], log: DiagnosticLog) {
        checkAddresses(sensors, log: log)
        checkGPIOLines(sensors, log: log)
    }

    private struct BusAddress: Hashable {
        var bus: String
        var address: I2CAddress
    }

    private static func checkAddresses(_ sensors: [Located<SensorConfig>], log: DiagnosticLog) {
        var taken: [BusAddress: Located<SensorConfig>] = [:]
        var usedAddresses: [String: Set<I2CAddress>] = [:]
        for sensor in sensors { if let i2c = sensor.value.i2c { usedAddresses[i2c.bus, default: []].insert(i2c.address) } }

        for sensor in sensors.sorted(by: { $0.position < $1.position }) {
            guard let i2c = sensor.value.i2c else { continue }
            let key = BusAddress(bus: i2c.bus, address: i2c.address)
            guard let first = taken[key] else {
                taken[key] = sensor
                continue
            }
            if case .ads1115Soil(let mine) = sensor.value.settings, case .ads1115Soil(let theirs) = first.value.settings {
                if mine.channel != theirs.channel { continue }  // the same ADS1115, another input
                log.error(
                    "sensor \"\(sensor.value.id)\": channel \(mine.channel) of the ADS1115 at \(i2c.address) on bus \(i2c.bus) is already used by sensor \"\(first.value.id)\" at \(log.file):\(first.position)",
                    at: sensor.position)
                continue
            }
            let hint = strapHint(sensor.value, first.value, used: usedAddresses[i2c.bus] ?? [])
            log.error(
                "sensor \"\(sensor.value.id)\": address \(i2c.address) on bus \(i2c.bus) is already used by sensor \"\(first.value.id)\" (\(first.value.type.model)) at \(log.file):\(first.position); \(hint)",
                at: sensor.position)
        }
    }

    /// What a technician can do: move a chip that has another address (the AMG8833 next to an
    /// SPS30: strap it to 0x68), or else put one of them on another bus.
    private static func strapHint(_ second: SensorConfig, _ first: SensorConfig, used: Set<I2CAddress>) -> String {
        for sensor in [second, first] {
            if let free = sensor.type.allowedAddresses.first(where: { !used.contains($0) }) {
                return "strap the \(sensor.type.model) to \(free)"
            }
        }
        return "put one of them on another bus"
    }

    private static func checkGPIOLines(_ sensors: [Located<SensorConfig>], log: DiagnosticLog) {
        var taken: [String: (sensor: SensorConfig, position: SourcePosition)] = [:]
        for sensor in sensors.sorted(by: { $0.position < $1.position }) {
            guard case .beamPair(let settings) = sensor.value.settings else { continue }
            for pin in settings.pins {
                let key = "\(settings.chip)/\(pin.lineOffset)"
                if let first = taken[key], first.sensor.id != sensor.value.id {
                    log.error(
                        "sensor \"\(sensor.value.id)\": pin \(pin.name) of gpio chip \"\(settings.chip)\" is already used by sensor \"\(first.sensor.id)\" at \(log.file):\(first.position)",
                        at: sensor.position)
                } else {
                    taken[key] = (sensor.value, sensor.position)
                }
            }
        }
    }
}
