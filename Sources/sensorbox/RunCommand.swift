import Agent
import ArgumentParser
import Logging
import ServiceLifecycle

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the box in real time (the built-in box on the simulated board without --config).",
        usage: """
            sensorbox run [--config <file>] [--boards <dir>] [--state-dir <dir>]
                   [--seed <seed>] [--verbose]
            """,
        discussion: """
            Aggregates are printed as InfluxDB line protocol on standard output as their windows \
            close; logs go to standard error. SIGTERM or SIGINT stops the box gracefully. A second \
            run on the same state directory continues the journal where the first stopped.
            """)

    @OptionGroup var box: BoxOptions

    @Option(help: "Seed of the simulated board's scenarios (simulated boards only).")
    var seed: UInt64 = 1

    @Flag(help: "Log every start and recovery (default: notices and warnings).")
    var verbose = false

    func run() async throws {
        let (boxConfig, board) = try box.load()
        let service = BoxService(
            box: boxConfig, board: board, stateDirectory: box.stateDirectory(for: board), seed: seed,
            logLevel: verbose ? .info : .notice)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: Logger(label: "sensorbox", factory: { _ in SwiftLogNoOpLogHandler() })))
        try await group.run()
    }
}
