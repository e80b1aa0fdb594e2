import Aggregation

extension BoxConfig {
    /// What `sensorbox config check` prints for a good config: one line per fact, each within
    /// 80 columns for a serial console (long names are cut, not wrapped).
    public func summary(board: BoardConfig) -> [String] {
        var lines = ["box \(id) (\(name)) on board \(board.name)"]
        if let location { lines.append("location \(formatNumber(location.latitude)), \(formatNumber(location.longitude))") }
        lines.append("privacy \(Self.describe(privacy))")
        lines.append(
            "journal \(journal.maximumBytes / (1024 * 1024)) MiB, commit every \(formatDuration(journal.commitInterval)) or \(journal.commitRecords) records"
        )
        // As wide as the longest id (the README's "footfall-thermal" whole), cut only where the
        // line would pass 80 columns: 7 + 30 + 13 + 20 + "100ms/15m".
        let idWidth = min((sensors.map(\.id.count).max() ?? 0) + 1, 30)
        for sensor in sensors {
            let place: String
            if let i2c = sensor.i2c {
                place = "\(i2c.bus) \(i2c.address)"
            } else if case .beamPair(let beams) = sensor.settings {
                place = "\(beams.chip) " + beams.pins.map(\.name).joined(separator: ",")
            } else {
                place = "-"
            }
            lines.append(
                "sensor " + padded(sensor.id, idWidth) + padded(sensor.type.rawValue, 13) + padded(place, 20)
                    + "\(formatDuration(sensor.interval))/\(formatDuration(sensor.window))")
        }
        for sensor in sensors {
            guard case .amg8833(let settings) = sensor.settings else { continue }
            lines.append("footfall \(sensor.id): \(settings.mounting.summary)")
            guard let beams = settings.beams else { continue }
            if case .differentialPrivacy = privacy {
                lines.append("footfall \(sensor.id): not filled in from \(beams) under dp")
            } else {
                lines.append("footfall \(sensor.id): fills in from \(beams) what it cannot see")
            }
        }
        // PRIVACY.md: exact counts suit busy streets and windows of 15 minutes or more; in a
        // shorter window a count of one can single someone out. One line, whatever the ids (the
        // windows are on the sensor lines above).
        if case .exact = privacy,
            let shortest = sensors.filter({ $0.type.countsFootfall }).map(\.window).min(), shortest < .seconds(15 * 60)
        {
            lines.append("privacy exact with footfall windows of \(formatDuration(shortest)); PRIVACY.md advises 15m or more")
        }
        for uplink in uplinks {
            switch uplink {
            case .stdout: lines.append("uplink stdout (line protocol)")
            }
        }
        if !board.bootConfig.isEmpty {
            lines.append("boot config (/boot/firmware/config.txt):")
            lines += board.bootConfig.map { "  " + $0 }
        }
        return lines.map { String($0.prefix(80)) }
    }

    private static func describe(_ mechanism: ReleaseMechanism) -> String {
        switch mechanism {
        case .exact: "exact counts"
        case .suppression(let minimumCount): "counts below \(minimumCount) suppressed"
        case .differentialPrivacy(let epsilon): "differential privacy, epsilon \(formatNumber(epsilon))"
        }
    }

    private func padded(_ text: String, _ width: Int) -> String {
        let cut = String(text.prefix(width - 1))
        return cut + String(repeating: " ", count: width - cut.count)
    }
}
