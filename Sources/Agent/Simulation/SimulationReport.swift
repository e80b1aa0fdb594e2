import Hardware

/// The summary `sensorbox simulate` prints at the end (standard error, 80 columns).
public enum SimulationReport {
    public static func text(_ summary: Simulation.Summary, stateDirectory: String, elapsed: Duration) -> String {
        let simulated = summary.start.duration(to: summary.end)
        var text = "simulated \(formatDuration(simulated)) (\(summary.start.iso8601) to \(summary.end.iso8601))"
        text += " in \(formatSeconds(elapsed.seconds))\n"
        text += "journal: \(summary.recordsAppended) records appended, last sequence \(summary.lastSequence)"
        text += " (\(stateDirectory)/journal)\n"
        text += SensorTable.render(summary.sensors)
        return text
    }

    static func formatSeconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}

extension WallTime {
    func duration(to other: WallTime) -> Duration { other - self }
}

/// A table of sensor health that fits 80 columns (simulate's summary).
public enum SensorTable {
    public static func render(_ sensors: [SensorHealth]) -> String {
        var rows = [["sensor", "model", "state", "reads", "errors", "recoveries"]]
        for health in sensors {
            rows.append([
                health.sensor, health.model, health.state.rawValue, "\(health.reads)", "\(health.totalErrors)",
                "\(health.recoveries)",
            ])
        }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = rows.map { row in
            (0..<6).map { row[$0].padding(to: widths[$0]) }.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
        // Last errors on lines of their own, so the table stays within 80 columns.
        for health in sensors {
            guard let error = health.lastError else { continue }
            let line = "\(health.sensor): \(error)"
            text += (line.count > 80 ? String(line.prefix(79)) + "…" : line) + "\n"
        }
        return text
    }
}

extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
