import Hardware
import Sensors

/// Where one configured sensor sits on the board, as far as it could be decoded: enough to
/// find two devices on one address or one GPIO line even when other keys of a sensor are wrong.
struct PlannedDevice {
    var sensor: SensorID
    var type: SensorType
    /// The sensor's address key, or its `[[sensor]]` header when the address is the default.
    var position: SourcePosition
    var i2c: I2CPlacement?
    /// The ADS1115 input of a soil probe: probes on different inputs share one chip.
    var adsChannel: Int?
    var gpioChip: String?
    var pins: [GPIOPinConfig] = []
}

/// Checks that no two devices answer on one address of one bus, and that no GPIO line is used
/// twice. Several soil probes may share one ADS1115 (one chip, four inputs) on different channels.
enum AddressPlan {
    static func check(_ devices: [PlannedDevice], log: DiagnosticLog) {
        let ordered = devices.sorted { $0.position < $1.position }
        checkAddresses(ordered, log: log)
        checkGPIOLines(ordered, log: log)
    }

    private static func checkAddresses(_ devices: [PlannedDevice], log: DiagnosticLog) {
        var taken: [I2CPlacement: PlannedDevice] = [:]
        var usedAddresses: [String: Set<I2CAddress>] = [:]
        for device in devices { if let i2c = device.i2c { usedAddresses[i2c.bus, default: []].insert(i2c.address) } }

        for device in devices {
            guard let i2c = device.i2c else { continue }
            guard let first = taken[i2c] else {
                taken[i2c] = device
                continue
            }
            if device.type == .ads1115Soil, first.type == .ads1115Soil {
                guard let mine = device.adsChannel, let theirs = first.adsChannel else { continue }
                if mine != theirs { continue }  // the same ADS1115, another input
                log.error(
                    "sensor \"\(device.sensor)\": channel \(mine) of the ADS1115 at \(i2c.address) on bus \(i2c.bus) is already used by sensor \"\(first.sensor)\" at \(log.file):\(first.position)",
                    at: device.position)
                continue
            }
            let hint = strapHint(device.type, first.type, used: usedAddresses[i2c.bus] ?? [])
            log.error(
                "sensor \"\(device.sensor)\": address \(i2c.address) on bus \(i2c.bus) is already used by sensor \"\(first.sensor)\" (\(first.type.model)) at \(log.file):\(first.position); \(hint)",
                at: device.position)
        }
    }

    /// What a technician can do: move a chip that has another address (the AMG8833 next to an
    /// SPS30: strap it to 0x68), or else put one of them on another bus.
    private static func strapHint(_ second: SensorType, _ first: SensorType, used: Set<I2CAddress>) -> String {
        for type in [second, first] {
            if let free = type.allowedAddresses.first(where: { !used.contains($0) }) {
                return "strap the \(type.model) to \(free)"
            }
        }
        return "put one of them on another bus"
    }

    private static func checkGPIOLines(_ devices: [PlannedDevice], log: DiagnosticLog) {
        var taken: [String: PlannedDevice] = [:]
        for device in devices {
            guard let chip = device.gpioChip else { continue }
            for pin in device.pins {
                let key = "\(chip)/\(pin.lineOffset)"
                if let first = taken[key] {
                    log.error(
                        "sensor \"\(device.sensor)\": pin \(pin.name) of gpio chip \"\(chip)\" is already used by sensor \"\(first.sensor)\" at \(log.file):\(first.position)",
                        at: device.position)
                } else {
                    taken[key] = device
                }
            }
        }
    }
}
