import Hardware
import Sensors

/// Decodes `[[sensor]]` tables one by one, checking each against the board and against the
/// sensors before it (duplicate ids).
struct SensorConfigDecoder {
    let board: BoardConfig?
    let log: DiagnosticLog
    private var idPlaces: [String: SourcePosition] = [:]
    /// Every sensor's place on the board, for ``AddressPlan`` — also of sensors with errors.
    private(set) var devices: [PlannedDevice] = []
    /// Thermal counters that name a beam pair (`beams = "…"`), checked by ``checkBeamReferences(_:)``.
    private var beamReferences: [(thermal: SensorID?, subject: String, beams: Located<String>)] = []

    init(board: BoardConfig?, log: DiagnosticLog) {
        self.board = board
        self.log = log
    }

    /// The sensor, or `nil` when it has errors (already logged).
    mutating func decode(_ table: TOMLTable, at position: SourcePosition, number: Int) -> SensorConfig? {
        var subject = "sensor #\(number)"
        if let entry = table["id"], case .string(let id) = entry.node.value { subject = "sensor \"\(id)\"" }
        let reader = TableReader(element: subject, table: table, position: position, log: log)

        let id = reader.string("id", required: true)
        var idIsValid = id != nil
        if let id {
            if !isSensorID(id.value) {
                log.error("\(subject): id must be 1–64 characters of a-z, 0-9, _ and -", at: id.position)
                idIsValid = false
            } else if let first = idPlaces[id.value] {
                log.error("\(subject) is defined twice (first at \(log.file):\(first))", at: id.position)
                idIsValid = false
            } else {
                idPlaces[id.value] = id.position
            }
        }

        // Without a type the other keys cannot be judged: report only what is wrong with it.
        guard let typeText = reader.string("type", required: true) else { return nil }
        guard let type = SensorType(rawValue: typeText.value) else {
            log.error("\(subject): unknown type \"\(typeText.value)\"; known types: \(SensorType.knownList)", at: typeText.position)
            return nil
        }

        var placement: Located<I2CPlacement>?
        if type.isI2C { placement = decodePlacement(reader, type: type) }
        var interval = reader.duration("interval", in: type.minimumInterval...Duration.seconds(3600))
        // A thermal array is read at its frame rate, which the counter is made for: another
        // interval would be shown by `config check` and then not be followed.
        if type == .amg8833, let given = interval, given.value != type.defaultInterval {
            log.error(
                "\(subject): an amg8833 is read at its frame rate, 10 frames a second (interval = \"\(formatDuration(type.defaultInterval))\"); "
                    + "\(formatDuration(given.value)) does not apply", at: given.position)
            interval = nil
        }
        let window = decodeWindow(reader, type: type)
        if let interval, let window, interval.value > window {
            log.error(
                "\(subject): interval \(formatDuration(interval.value)) is longer than the window \(formatDuration(window))",
                at: interval.position)
        }
        let settings = SensorSettingsDecoder(reader: reader, board: board).decode(type)
        reader.finish()
        if let id { devices.append(plannedDevice(id.value, type, placement, settings, reader)) }
        if type == .amg8833, let node = table["beams"]?.node, case .string(let beams) = node.value {
            beamReferences.append((id?.value, subject, Located(beams, at: node.position)))
        }

        // A key that is present but yielded no value had an error (logged): no config then.
        guard idIsValid, let id, let settings, let window, !(type.isI2C && placement == nil),
            reader.has("interval") == (interval != nil)
        else { return nil }
        let sensor = SensorConfig(
            id: id.value, type: type, i2c: placement?.value, interval: interval?.value ?? type.defaultInterval,
            window: window, settings: settings)
        return sensor
    }

    /// Once every sensor is known: each thermal counter's `beams` names a beam pair of this box
    /// with the same window and the same direction names (its counts fill in the thermal
    /// counter's windows one for one).
    func checkBeamReferences(_ sensors: [SensorConfig]) {
        var usedBy: [String: String] = [:]
        for reference in beamReferences {
            let name = reference.beams.value, at = reference.beams.position
            // One pair's windows are handed over once: two thermal counters cannot share them.
            if let first = usedBy[name] {
                log.error("\(reference.subject): beams \"\(name)\" already fills in \(first)", at: at)
                continue
            }
            usedBy[name] = reference.subject
            let pairs = devices.filter { $0.type == .beamPair }.map { "\"\($0.sensor)\"" }
            guard let device = devices.first(where: { $0.sensor == name }) else {
                log.error(
                    "\(reference.subject): beams \"\(name)\" is not a sensor of this box; "
                        + (pairs.isEmpty ? "it has no beam pair" : "beam pairs: \(pairs.joined(separator: ", "))"),
                    at: at)
                continue
            }
            guard device.type == .beamPair else {
                log.error("\(reference.subject): beams \"\(name)\" is of type \(device.type.rawValue), not beam-pair", at: at)
                continue
            }
            // A pair or a counter with errors of its own has been reported already.
            guard let pair = sensors.first(where: { $0.id == name }), case .beamPair(let beams) = pair.settings,
                let thermal = sensors.first(where: { $0.id == reference.thermal }),
                case .amg8833(let settings) = thermal.settings
            else { continue }
            if pair.window != thermal.window {
                log.error(
                    "\(reference.subject): beams \"\(name)\" counts in windows of \(formatDuration(pair.window)), "
                        + "this counter in windows of \(formatDuration(thermal.window)); they must be the same", at: at)
            } else if beams.directions != settings.directions {
                log.error(
                    "\(reference.subject): beams \"\(name)\" names its directions \(beams.directions), this counter "
                        + "\(settings.directions); they must be the same, in the same order", at: at)
            }
        }
    }

    private func plannedDevice(
        _ id: String, _ type: SensorType, _ placement: Located<I2CPlacement>?, _ settings: SensorSettings?,
        _ reader: TableReader
    ) -> PlannedDevice {
        var device = PlannedDevice(sensor: id, type: type, position: placement?.position ?? reader.position, i2c: placement?.value)
        switch settings {
        case .ads1115Soil(let probe)?: device.adsChannel = probe.channel
        case .beamPair(let beams)?:
            device.gpioChip = beams.chip
            device.pins = beams.pins
        default:
            // A probe whose voltages are wrong still sits on its channel.
            if type == .ads1115Soil {
                switch reader.table["channel"]?.node.value {
                case nil: device.adsChannel = 0
                case .integer(let channel)? where (0...3).contains(channel): device.adsChannel = Int(channel)
                default: break
                }
            }
        }
        return device
    }

    /// Bus and address of an I2C chip; the bus defaults to the board's only bus, the address to
    /// the chip's default.
    private func decodePlacement(_ reader: TableReader, type: SensorType) -> Located<I2CPlacement>? {
        let subject = reader.subject
        var busName: String?
        if let bus = reader.string("bus") {
            if let board, board.i2cBus(named: bus.value) == nil {
                let known = board.i2cBuses.map(\.name).joined(separator: ", ")
                log.error(
                    "\(subject): unknown bus \"\(bus.value)\"; board \(board.name) has \(known.isEmpty ? "no I2C bus" : known)",
                    at: bus.position)
            } else {
                busName = bus.value
            }
        } else if !reader.has("bus"), let board {
            switch board.i2cBuses.count {
            case 1: busName = board.i2cBuses[0].name
            case 0: log.error("\(subject): board \(board.name) has no I2C bus for a \(type.model)", at: reader.position)
            default:
                let known = board.i2cBuses.map(\.name).joined(separator: ", ")
                log.error("\(subject): missing key \"bus\": board \(board.name) has several (\(known))", at: reader.position)
            }
        }

        var address = type.defaultAddress
        var position = reader.position
        if let written = reader.integer("address", in: Int64.min...Int64.max) {
            position = written.position
            address = nil
            if let valid = I2CAddress(Int(clamping: written.value)) {
                if type.allowedAddresses.contains(valid) {
                    address = valid
                } else {
                    let allowed = type.allowedAddresses.map(\.description)
                    log.error(
                        "\(subject): address \(valid) is not an address of the \(type.model); it answers on \(listed(allowed, last: "or"))",
                        at: written.position)
                }
            } else {
                log.error("\(subject): address \(hexNumber(written.value)) is not a 7-bit I2C address", at: written.position)
            }
        }
        guard let busName, let address else { return nil }
        return Located(I2CPlacement(bus: busName, address: address), at: position)
    }

    /// Windows must divide an hour so that they align to the clock (…:00, :15, :30, :45).
    private func decodeWindow(_ reader: TableReader, type: SensorType) -> Duration? {
        guard reader.has("window") else {
            _ = reader.entry("window")
            return type.defaultWindow
        }
        guard let window = reader.duration("window", in: .zero...Duration.seconds(24 * 3600)) else { return nil }
        guard ClockWindow.isAligned(window.value) else {
            log.error(
                "\(reader.subject): window \(formatDuration(window.value)) does not divide an hour into whole minutes; use \(ClockWindow.choices)",
                at: window.position)
            return nil
        }
        return window.value
    }

    /// Sensor ids appear in record ids and line-protocol tags.
    private func isSensorID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

/// `a, b or c`.
func listed(_ items: [String], last conjunction: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
}

/// `0x80`-style rendering of any integer a config may hold (negative ones in decimal).
func hexNumber(_ value: Int64) -> String {
    guard value >= 0 else { return "\(value)" }
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + (digits.count % 2 == 1 ? "0" : "") + digits
}
