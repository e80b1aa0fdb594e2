import Counting

/// Decodes the keys only one type of sensor has.
struct SensorSettingsDecoder {
    let reader: TableReader
    let board: BoardConfig?

    private var subject: String { reader.subject }
    private var log: DiagnosticLog { reader.log }

    /// The settings, or `nil` when one of them is wrong (already logged).
    func decode(_ type: SensorType) -> SensorSettings? {
        switch type {
        case .sps30: return .sps30
        case .pmsa003i: return .pmsa003i
        case .sen5x:
            guard let model = choice("model", SEN5xModel.self, default: .sen55) else { return nil }
            return .sen5x(model: model)
        case .sht4x:
            guard let precision = choice("precision", SHT4xPrecision.self, default: .high) else { return nil }
            return .sht4x(precision: precision)
        case .seesawSoil: return seesawSoil()
        case .ads1115Soil: return ads1115Soil()
        case .amg8833: return amg8833()
        case .beamPair: return beamPair()
        }
    }

    private func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _: Choice.Type, default defaultValue: Choice
    ) -> Choice? where Choice.RawValue == String {
        guard let text = reader.string(key) else { return reader.has(key) ? nil : defaultValue }
        guard let value = Choice(rawValue: text.value) else {
            let known = Choice.allCases.map { "\"\($0.rawValue)\"" }
            log.error("\(subject): \(key) \"\(text.value)\" is not one of \(listed(known, last: "or"))", at: text.position)
            return nil
        }
        return value
    }

    /// Raw counts: the seesaw's touch reading is 12-bit; above 4095 it is a spike (sensors.md).
    private func seesawSoil() -> SensorSettings? {
        let dry = reader.integer("dry_count", in: 0...4095)
        let wet = reader.integer("wet_count", in: 0...4095)
        guard reader.has("dry_count") == (dry != nil), reader.has("wet_count") == (wet != nil) else { return nil }
        let dryCount = Int(dry?.value ?? 200), wetCount = Int(wet?.value ?? 2000)
        guard dryCount < wetCount else {
            log.error(
                "\(subject): dry_count (\(dryCount)) must be below wet_count (\(wetCount)): the seesaw reads higher in wet soil",
                at: (dry ?? wet)?.position ?? reader.position)
            return nil
        }
        return .seesawSoil(dryCount: dryCount, wetCount: wetCount)
    }

    private func ads1115Soil() -> SensorSettings? {
        let channel = reader.integer("channel", in: 0...3)
        var fullScale = 4.096
        var gainIsValid = true
        if let gain = reader.entry("gain")?.node {
            let known = ADS1115SoilSettings.fullScales
            let match: Double? =
                switch gain.value {
                case .string(let text): known.first { $0.text == text }?.volts
                case .float(let volts): known.first { abs($0.volts - volts) < 1e-9 }?.volts
                default: nil
                }
            if let match {
                fullScale = match
            } else {
                gainIsValid = false
                log.error(
                    "\(subject): gain must be a PGA full scale in volts: \(listed(known.map { "\"\($0.text)\"" }, last: "or"))",
                    at: gain.position)
            }
        }
        let dry = reader.number("dry_voltage", in: 0...6.144, required: true)
        let wet = reader.number("wet_voltage", in: 0...6.144, required: true)
        guard gainIsValid, reader.has("channel") == (channel != nil), let dry, let wet else { return nil }
        var valid = true
        for (key, voltage) in [("dry_voltage", dry), ("wet_voltage", wet)] where voltage.value > fullScale {
            log.error(
                "\(subject): \(key) \(formatNumber(voltage.value)) V is above the full scale of gain \"\(fullScaleText(fullScale))\" (±\(fullScaleText(fullScale)) V)",
                at: voltage.position)
            valid = false
        }
        // Capacitive probes (the common v1.2/v2.0 boards) output a lower voltage the wetter the soil.
        if dry.value <= wet.value {
            log.error(
                "\(subject): dry_voltage (\(formatNumber(dry.value)) V) must be above wet_voltage (\(formatNumber(wet.value)) V): capacitive probes read lower when wet",
                at: dry.position)
            valid = false
        }
        guard valid else { return nil }
        return .ads1115Soil(
            ADS1115SoilSettings(
                channel: Int(channel?.value ?? 0), fullScale: fullScale, dryVoltage: dry.value, wetVoltage: wet.value))
    }

    private func fullScaleText(_ volts: Double) -> String {
        ADS1115SoilSettings.fullScales.first { $0.volts == volts }?.text ?? "\(volts)"
    }

    private func amg8833() -> SensorSettings? {
        var line = CrossingLine.middle
        var lineIsValid = true
        if let node = reader.entry("line")?.node {
            switch node.value {
            case .string("middle"): line = .middle
            // On the edge rows the hysteresis band reaches the frame's edge: nobody is ever seen
            // beyond it on that side, and nobody would be counted.
            case .integer(let index) where (1...6).contains(index): line = .index(Int(index))
            case .integer(let index) where index == 0 || index == 7:
                lineIsValid = false
                log.error(
                    "\(subject): line \(index) is the frame's edge, which nobody can be seen to cross; "
                        + "use a row/column index 1–6 or \"middle\"", at: node.position)
            default:
                lineIsValid = false
                log.error("\(subject): line must be \"middle\" or a row/column index 1–6", at: node.position)
            }
        }
        let axis = choice("axis", CrossingAxis.self, default: .rows)
        let directions = decodeDirections()
        // Whether it names a beam pair of this box is checked once every sensor is known.
        let beams = reader.string("beams")
        let height = reader.number("mounting_height", in: ThermalMounting.heights)
        let lens = reader.number("field_of_view", in: ThermalMounting.fieldsOfView)
        guard lineIsValid, let axis, let directions, reader.has("beams") == (beams != nil),
              reader.has("mounting_height") == (height != nil), reader.has("field_of_view") == (lens != nil)
        else { return nil }
        return .amg8833(ThermalCounterSettings(
            line: line, axis: axis, directions: directions, beams: beams?.value,
            mounting: ThermalMounting(
                height: height?.value ?? ThermalMounting.reference.height,
                fieldOfView: lens?.value ?? ThermalMounting.reference.fieldOfView)))
    }

    private func beamPair() -> SensorSettings? {
        var chip: GPIOChipConfig?
        var chipName: String?
        if let written = reader.string("gpio") {
            chipName = written.value
            if let board {
                chip = board.gpioChip(named: written.value)
                if chip == nil {
                    let known = board.gpioChips.map(\.name).joined(separator: ", ")
                    log.error(
                        "\(subject): unknown gpio chip \"\(written.value)\"; board \(board.name) has \(known.isEmpty ? "no GPIO chip" : known)",
                        at: written.position)
                }
            }
        } else if !reader.has("gpio"), let board {
            if board.gpioChips.count == 1 {
                chip = board.gpioChips[0]
                chipName = chip?.name
            } else {
                let known = board.gpioChips.map(\.name).joined(separator: ", ")
                log.error(
                    "\(subject): missing key \"gpio\": board \(board.name) has \(known.isEmpty ? "no GPIO chip" : "several (\(known))")",
                    at: reader.position)
            }
        }

        var pins: [GPIOPinConfig] = []
        var pinsAreValid = false
        if let written = reader.strings("pins", required: true) {
            pinsAreValid = true
            if written.value.count != 2 {
                log.error("\(subject): pins must name two pins, the first and the second beam", at: written.position)
                pinsAreValid = false
            } else if written.value[0].value == written.value[1].value {
                log.error("\(subject): pins must be two different pins", at: written.value[1].position)
                pinsAreValid = false
            }
            for pin in written.value where pinsAreValid {
                guard let chip else { continue }
                if let offset = chip.lineOffset(of: pin.value) {
                    pins.append(GPIOPinConfig(name: pin.value, lineOffset: offset))
                } else {
                    log.error(
                        "\(subject): unknown pin \"\(pin.value)\" on gpio chip \"\(chip.name)\"; known pins: \(chip.pins.map(\.name).joined(separator: ", "))",
                        at: pin.position)
                    pinsAreValid = false
                }
            }
        }
        let debounce = reader.duration("debounce", in: .zero...Duration.seconds(1))
        let directions = decodeDirections()
        guard let chipName, chip != nil || board == nil, pinsAreValid, reader.has("debounce") == (debounce != nil),
            let directions
        else { return nil }
        return .beamPair(
            BeamPairSettings(
                chip: chipName, pins: pins, debounce: debounce?.value ?? .milliseconds(30), directions: directions))
    }

    /// Two distinct direction names (`["in", "out"]`); they become field names upstream.
    private func decodeDirections() -> [String]? {
        guard let written = reader.strings("directions") else { return reader.has("directions") ? nil : ["in", "out"] }
        let names = written.value.map(\.value)
        guard names.count == 2 else {
            log.error("\(subject): directions must name two directions, e.g. [\"in\", \"out\"]", at: written.position)
            return nil
        }
        for name in written.value where !DirectionName.isValid(name.value) {
            log.error("\(subject): direction \"\(name.value)\" must be \(DirectionName.rule)", at: name.position)
            return nil
        }
        guard names[0] != names[1] else {
            log.error("\(subject): directions must be two different names", at: written.value[1].position)
            return nil
        }
        return names
    }
}
