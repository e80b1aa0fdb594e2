import Agent
import ArgumentParser
import HardwareLinux

struct SelftestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Check the board, the journal directory and every configured sensor.",
        usage: """
            sensorbox selftest [--config <file>] [--boards <dir>] [--state-dir <dir>]
                   [--json] [--inject-fault <sensor=fault> ...] [--seed <seed>]
            """,
        discussion: """
            For each sensor: present, identity as configured, a fresh plausible reading, how many \
            attempts failed. Also checks that the board's buses open, its GPIO chips exist and \
            the journal directory is writable. Prints one PASS or FAIL line per check and a \
            summary; exits 1 if any check failed, 0 if all passed.
            """)

    @OptionGroup var box: BoxOptions

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    @Option(
        name: .customLong("inject-fault"),
        help: ArgumentHelp(
            "Simulated board only: switch on a fault for a sensor, e.g. pm=unplugged, pm=crcCorruption, climate=wrong-identity.",
            valueName: "sensor=fault"))
    var injectFaults: [String] = []

    @Option(help: "Seed of the simulated board's scenarios (simulated boards only).")
    var seed: UInt64 = 1

    func validate() throws {
        _ = try parsedFaults()
    }

    private func parsedFaults() throws -> [(sensor: String, fault: InjectedFault)] {
        try injectFaults.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--inject-fault: \"\(text)\" is not SENSOR=FAULT")
            }
            guard let fault = InjectedFault(parts[1]) else {
                throw ValidationError("--inject-fault: unknown fault \"\(parts[1])\"; known faults are \(InjectedFault.knownList)")
            }
            return (parts[0], fault)
        }
    }

    func run() async throws {
        // The self-test reads real frames: a crash must not dump them to the card.
        if !ProcessHardening.disableCoreDumps() {
            printToStandardError("warning: core dumps could not be turned off\n")
        }
        let (boxConfig, board) = try box.load()
        let faults = try parsedFaults()
        let hardware = DiagnosticHardware.make(board: board, box: boxConfig, seed: seed)
        if !faults.isEmpty {
            guard let simulated = hardware.simulated else {
                throw ValidationError("--inject-fault is only allowed on a simulated board; board \(board.name) is real")
            }
            for (sensor, fault) in faults {
                do { try simulated.inject(fault, into: sensor, of: boxConfig) } catch {
                    throw ValidationError("--inject-fault \(sensor)=\(fault): \(error)")
                }
            }
        }
        let report = await SelfTest.run(
            box: boxConfig, board: board, hardware: hardware.backend, stateDirectory: box.stateDirectory(for: board))
        if json {
            print(report.json.compact)
        } else {
            print(report.text, terminator: "")
        }
        if !report.passed { throw ExitCode(1) }
    }
}
