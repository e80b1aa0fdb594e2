/// Decodes and checks a board file.
enum BoardConfigDecoder {
    /// Decodes `text` read from `file`; `expectedName` is the name the board was looked up by.
    static func decode(_ bytes: [UInt8], file: String, expectedName: String?) -> Result<BoardConfig, ConfigError> {
        let log = DiagnosticLog(file: file)
        guard let root = TOMLDocument.parseRoot(bytes, log: log) else { return .failure(ConfigError(log.sorted)) }
        let top = TableReader(root: root, log: log)
        let board = decode(top, file: file, expectedName: expectedName)
        top.finish()
        guard log.isEmpty, let board else { return .failure(ConfigError(log.sorted)) }
        return .success(board)
    }

    private static func decode(_ top: TableReader, file: String, expectedName: String?) -> BoardConfig? {
        let log = top.log
        let section = top.table("board", section: "board", required: true)
        let name = section?.string("name", required: true)
        let description = section?.string("description")
        let simulated = section?.bool("simulated")
        let bootConfig = section?.strings("boot_config")
        section?.finish()

        if let name {
            if !isBoardName(name.value) {
                log.error("board.name: \"\(name.value)\" must be 1–64 characters of a-z, 0-9 and -", at: name.position)
            } else if let expectedName, name.value != expectedName {
                log.error(
                    "board.name: \"\(name.value)\" differs from the name it was looked up by, \"\(expectedName)\"",
                    at: name.position)
            }
        }
        let isSimulated = simulated?.value ?? false

        var buses: [I2CBusConfig] = []
        var busPlaces: [String: SourcePosition] = [:]
        for (number, element) in (top.tables("i2c") ?? []).enumerated() {
            let reader = TableReader(element: "i2c #\(number + 1)", table: element.table, position: element.position, log: log)
            let busName = reader.string("name", required: true)
            let device = reader.string("device", required: true)
            let pins = reader.string("pins")
            reader.finish()
            guard let busName, let device else { continue }
            if let first = busPlaces[busName.value] {
                log.error("i2c bus \"\(busName.value)\" is defined twice (first at \(file):\(first))", at: busName.position)
                continue
            }
            busPlaces[busName.value] = busName.position
            if !isSimulated, !device.value.hasPrefix("/dev/") {
                log.error("i2c bus \"\(busName.value)\": device \"\(device.value)\" is not a /dev path", at: device.position)
            }
            buses.append(I2CBusConfig(name: busName.value, device: device.value, pins: pins?.value))
        }

        var chips: [GPIOChipConfig] = []
        var chipPlaces: [String: SourcePosition] = [:]
        for (number, element) in (top.tables("gpio") ?? []).enumerated() {
            let reader = TableReader(element: "gpio #\(number + 1)", table: element.table, position: element.position, log: log)
            let chipName = reader.string("name", required: true)
            let label = reader.string("chip_label", required: true)
            let pins = decodePins(reader)
            reader.finish()
            guard let chipName, let label else { continue }
            if let first = chipPlaces[chipName.value] {
                log.error("gpio chip \"\(chipName.value)\" is defined twice (first at \(file):\(first))", at: chipName.position)
                continue
            }
            chipPlaces[chipName.value] = chipName.position
            chips.append(GPIOChipConfig(name: chipName.value, chipLabel: label.value, pins: pins))
        }

        guard let name else { return nil }
        return BoardConfig(
            name: name.value, description: description?.value ?? name.value, simulated: isSimulated,
            bootConfig: bootConfig?.value.map(\.value) ?? [], i2cBuses: buses, gpioChips: chips, file: file)
    }

    /// `[gpio.pins]`: header name → line offset, each offset used once.
    private static func decodePins(_ chip: TableReader) -> [GPIOPinConfig] {
        guard let pinTable = chip.entry("pins")?.node else { return [] }
        guard case .table(let table) = pinTable.value else {
            chip.wrongType("pins", expected: "a table of pin name = line offset", found: pinTable)
            return []
        }
        var pins: [GPIOPinConfig] = []
        var offsets: [UInt32: String] = [:]
        for entry in table.entries {
            guard case .integer(let offset) = entry.node.value else {
                chip.log.error(
                    "\(chip.subject): pin \(entry.key): expected a line offset, found \(entry.node.value.kindName)",
                    at: entry.node.position)
                continue
            }
            guard (0...1023).contains(offset) else {
                chip.log.error(
                    "\(chip.subject): pin \(entry.key): line offset \(offset) is out of range 0–1023", at: entry.node.position)
                continue
            }
            if let other = offsets[UInt32(offset)] {
                chip.log.error("\(chip.subject): pins \(other) and \(entry.key) both name line \(offset)", at: entry.node.position)
                continue
            }
            offsets[UInt32(offset)] = entry.key
            pins.append(GPIOPinConfig(name: entry.key, lineOffset: UInt32(offset)))
        }
        return pins.sorted { $0.name < $1.name }
    }

    /// Board names become file names: keep them to a safe alphabet (no `/`, no `..`).
    static func isBoardName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
    }
}

func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}
