import Hardware
import Sensors

/// What `sensorbox scan` found on one bus of the board: the chips ``ChipProbe`` identified, or
/// why the bus did not open.
public struct BusScanResult: Sendable, Equatable {
    /// The board's name for the bus (`i2c-1`).
    public var bus: String
    /// The character device (`/dev/i2c-1`), `sim` on the simulated board.
    public var device: String
    /// Identified chips, by address.
    public var chips: [DetectedChip]
    /// Why the bus could not be opened; `nil` when it was scanned.
    public var error: String?

    public init(bus: String, device: String, chips: [DetectedChip], error: String? = nil) {
        self.bus = bus
        self.device = device
        self.chips = chips
        self.error = error
    }
}

/// Probes each I2C bus of a board with ``ChipProbe``'s harmless probes: nothing is written to a
/// device that has not identified itself, no register is set, no measurement is started.
public enum BusScan {
    /// One result per bus of `board`, in the board file's order. A bus that does not open is
    /// reported with its error; the other buses are still scanned.
    public static func run(board: BoardConfig, hardware: any HardwareBackend) async -> [BusScanResult] {
        var results: [BusScanResult] = []
        for config in board.i2cBuses {
            do {
                let bus = try hardware.i2cBus(named: config.name)
                let chips = await ChipProbe(bus: bus, clock: hardware.clock).scan()
                results.append(BusScanResult(bus: config.name, device: config.device, chips: chips))
            } catch {
                results.append(BusScanResult(bus: config.name, device: config.device, chips: [], error: "\(error)"))
            }
        }
        return results
    }

    /// For people: a line per bus, then a line per chip (`  0x69  SPS30  serial …`).
    public static func text(_ results: [BusScanResult], board: BoardConfig) -> String {
        var lines = ["board \(board.name): \(results.count) I2C bus\(results.count == 1 ? "" : "es")"]
        for result in results {
            if let error = result.error {
                lines += DiagnosticText.lines(head: "\(result.bus) (\(result.device))", detail: "does not open: \(error)")
                continue
            }
            let count = result.chips.count
            lines.append(DiagnosticText.truncated("\(result.bus) (\(result.device)): \(count) known chip\(count == 1 ? "" : "s")"))
            for chip in result.chips {
                var line = "  \(chip.address)  \(chip.model)"
                if let serial = chip.serial { line += "  serial \(serial)" }
                lines.append(DiagnosticText.truncated(line))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For scripts: `{"board":…,"buses":[{"bus":…,"device":…,"chips":[{"address":"0x69",…}]}]}`,
    /// keys always in this order; `error` only on a bus that did not open, `serial` only where
    /// the chip has one.
    public static func json(_ results: [BusScanResult], board: BoardConfig) -> JSONValue {
        .object([
            ("board", .string(board.name)),
            ("buses", .array(results.map { result in
                var members: [(String, JSONValue)] = [("bus", .string(result.bus)), ("device", .string(result.device))]
                if let error = result.error { members.append(("error", .string(error))) }
                members.append(("chips", .array(result.chips.map { chip in
                    var fields: [(String, JSONValue)] = [("address", .string("\(chip.address)")), ("chip", .string(chip.model))]
                    if let serial = chip.serial { fields.append(("serial", .string(serial))) }
                    return .object(fields)
                })))
                return .object(members)
            })),
        ])
    }
}
