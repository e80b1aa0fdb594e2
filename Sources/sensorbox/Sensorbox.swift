import Agent
import ArgumentParser

@main
struct Sensorbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensorbox",
        abstract: "The agent of a street-side sensor box: reads its sensors, aggregates, journals and uploads.",
        discussion: """
            With no config file, sensorbox runs the built-in box on the simulated board, so every \
            command works on a laptop. On a box, the config is /etc/sensorbox/sensorbox.toml.
            """,
        subcommands: [
            RunCommand.self, SimulateCommand.self, ScanCommand.self, SelftestCommand.self, ReplayCommand.self,
            ExportCommand.self, JournalCommand.self, ConfigCommand.self,
        ])
}
