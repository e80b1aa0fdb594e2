import Agent
import ArgumentParser
import Hardware
import HardwareLinux
import Simulator

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the box on the simulated board in virtual time, as fast as the machine goes.",
        usage: """
            sensorbox simulate [--duration <duration>] [--seed <seed>]
                   [--scenario <name>] [--start <time>] [--verbose]
                   [--report [--json] [--windows <duration>]]
                   [--config <file>] [--boards <dir>] [--state-dir <dir>]
            """,
        discussion: """
            Prints InfluxDB line protocol to standard output, a progress bar on a terminal and a \
            summary on standard error. The same seed, start and config give byte-identical output. \
            A second run on the same state directory continues where the first stopped. \
            With --report, only the footfall counters run on the street scenario, and their counts \
            are compared with the street's ground truth per direction, per window and in total: \
            the count of a box with both at the line (thermal, with what it could not see filled in \
            from the beam pair, as with beams = "…" and a profile other than dp; no --config, \
            --state-dir or --boards), the thermal counter alone and the beam pair alone. The report covers the \
            scenario's own days: it starts at the scenario's first local midnight, or at --start, \
            which must then fall within the scenario's first week (a wrong one names that week).
            """)

    @OptionGroup var box: BoxOptions

    @Option(help: ArgumentHelp("How much virtual time to simulate: 90s, 15m, 24h, 7d …", valueName: "duration"))
    var duration: String = "1h"

    @Option(help: "Seed of every random number of the simulation.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Virtual start time, UTC: 2026-06-01 or 2026-06-01T08:00:00Z (default: where the last run in the state directory stopped, else 2026-06-01; with --report: the scenario's first local midnight).", valueName: "time"))
    var start: String?

    @Option(help: ArgumentHelp("The street under the footfall sensors: \(Self.knownScenarios).", valueName: "name"))
    var scenario: String = StreetScenario.springWeekday.name

    @Flag(help: "Evaluate the footfall counters against the scenario's ground truth instead of running the box.")
    var report = false

    @Flag(help: "With --report: the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("With --report: window length of the per-window errors, whole minutes dividing an hour (default 15m).", valueName: "duration"))
    var windows: String?

    /// The report's window length as given, or its default.
    var reportWindows: String { windows ?? "15m" }

    @Flag(help: "Log every start and recovery (default: warnings only).")
    var verbose = false

    /// The built-in streets, then the ones kept out of tuning the counter (for checking that it
    /// generalises).
    static let knownScenarios = builtInScenarios + "; " + heldOutScenarios
    static let builtInScenarios = StreetScenario.builtIn.map(\.name).joined(separator: ", ")
    static let heldOutScenarios = "held out from tuning: " + StreetScenario.heldOut.map(\.name).joined(separator: ", ")

    func validate() throws {
        // Every message wrapped to fit a serial console.
        do { try check() } catch let error as ValidationError { throw error.wrappedForConsole }
    }

    private func check() throws {
        do { _ = try parseDuration(duration) } catch { throw ValidationError("--duration: \(error)") }
        if StreetScenario.named(scenario) == nil {
            let name = scenario.count <= 40 ? scenario : scenario.prefix(39) + "…"
            throw ValidationError(
                "--scenario: unknown street \"\(name)\"; known:\n  \(Self.builtInScenarios);\n  \(Self.heldOutScenarios)")
        }
        if json && !report { throw ValidationError("--json goes with --report") }
        if windows != nil && !report {
            throw ValidationError("--windows goes with --report (the box's own windows are set in its config)")
        }
        if report, box.config != nil || box.stateDir != nil || box.boards != nil {
            throw ValidationError("--report evaluates the footfall counters on the scenario alone: no --config, --state-dir or --boards")
        }
        do {
            // As a box's windows: aligned to the clock, so that every row starts at its time.
            let window = try parseDuration(reportWindows)
            guard ClockWindow.isAligned(window) else {
                throw ValidationError("--windows: \(reportWindows) does not divide an hour into whole minutes; use \(ClockWindow.choices)")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("--windows: \(error)")
        }
        if let start {
            guard let time = WallTime(iso8601: start) else {
                throw ValidationError("--start: \"\(start)\" is not a UTC time like 2026-06-01 or 2026-06-01T08:00:00Z")
            }
            if report, let street = StreetScenario.named(scenario), FootfallEvaluation.startOffset(of: time, in: street) == nil {
                let last = street.start + .seconds(FootfallEvaluation.latestStartOffsetSeconds)
                throw ValidationError(
                    "--start: with --report, a time in the first week of \(street.name), from its first local "
                        + "midnight \(street.start.iso8601) to before \(last.iso8601), not \(time.iso8601)")
            }
        }
    }

    func run() async throws {
        let street = StreetScenario.named(scenario) ?? .springWeekday
        if report {
            let startOffset = start.flatMap(WallTime.init(iso8601:)).flatMap { FootfallEvaluation.startOffset(of: $0, in: street) }
            let result = FootfallEvaluation.run(FootfallEvaluation.Options(
                scenario: street, duration: try parseDuration(duration), startOffset: startOffset ?? .zero, seed: seed,
                windowSeconds: try parseDuration(reportWindows).components.seconds))
            print(json ? result.json : result.text, terminator: "")
            return
        }
        let (boxConfig, board) = try box.load()
        let options = Simulation.Options(
            duration: try parseDuration(duration), seed: seed, stateDirectory: box.simulationStateDirectory,
            start: start.flatMap(WallTime.init(iso8601:)), logLevel: verbose ? .info : .warning, street: street)
        let wallClock = SystemClock()
        let began = wallClock.now()
        let bar = standardErrorIsTerminal ? ProgressBar() : nil
        let summary = try await Simulation.run(
            box: boxConfig, board: board, options: options, standardOutput: StandardOutputSink(),
            progress: bar.map { bar in { bar.show($0) } })
        bar?.finish()
        let elapsed = began.duration(to: wallClock.now())
        printToStandardError(SimulationReport.text(summary, stateDirectory: options.stateDirectory, elapsed: elapsed))
    }
}
