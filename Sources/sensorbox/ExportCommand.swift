import Agent
import ArgumentParser
import Hardware
import Journal

extension OpenDataExport.Format: ExpressibleByArgument {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the journal's aggregates and footfall counts as open data.",
        usage: """
            sensorbox export [--since <time>] [--until <time>] [--format csv|json]
                   [--include-health] [--dir <dir>] [--config <file>]
                   [--boards <dir>] [--state-dir <dir>]
            """,
        discussion: """
            Selects records by the wall time they were written. A time is a duration back \
            from now (90m, 24h, 7d) or UTC (2026-06-01, 2026-06-01T08:00:00Z). "Now" is the \
            system clock on a real box; on the simulated board it is the newest record's \
            time, so --since 24h is the last simulated day.

            CSV columns: box, sensor, quantity, unit, window_start, window_seconds, mean, \
            min, max, count, coverage_seconds, quality, time_synchronized, sequence, then \
            kind (aggregate, footfall, health, gap), direction, privacy, message. Footfall \
            rows: quantity "footfall", unit "count", count empty when suppressed. JSON: an \
            array of objects with the same keys in the same order.

            Opening the journal repairs it as the agent would, so it is refused while an agent \
            has the journal open (stop the agent first; "journal verify" only reads).
            """)

    @OptionGroup var box: BoxOptions

    @Option(help: ArgumentHelp("The oldest records: a duration back from now, or a UTC time.", valueName: "time"))
    var since = "24h"

    @Option(help: ArgumentHelp("The newest records (default: all up to now).", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OpenDataExport.Format = .csv

    @Flag(help: "Health events and gap records too.")
    var includeHealth = false

    @Option(name: .long, help: ArgumentHelp("The journal directory (default: <state dir>/journal).", valueName: "dir"))
    var dir: String?

    func validate() throws {
        do {
            _ = try ExportWindow(since: since, until: until, now: Simulation.defaultStart)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let (boxConfig, board) = try box.load()
        let state = box.stateDirectory(for: board)
        let directory = JournalAccess.directory(explicit: dir, stateDirectory: state)
        do {
            let opened = try JournalAccess.open(box: boxConfig, board: board, directory: directory, stateDirectory: state)
            defer { opened.close() }
            let journal = opened.journal
            let window = try ExportWindow(since: since, until: until, now: try JournalAccess.now(board: board, journal: journal))
            let records = try journal.records(since: window.since).filter { window.contains($0.time.wall) }
            let export = OpenDataExport(boxID: boxConfig.id, includeHealth: includeHealth)
            print(export.render(records, format: format), terminator: "")
        } catch {
            printToStandardError("sensorbox export: \(error)\n")
            throw ExitCode(1)
        }
    }
}
