import Agent
import ArgumentParser
import Journal

struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Look at the journal on flash: what it holds, and whether it is intact.",
        subcommands: [Inspect.self, Verify.self])

    /// `--dir` and the box options that give its default.
    struct Location: ParsableArguments {
        @OptionGroup var box: BoxOptions

        @Option(name: .long, help: ArgumentHelp("The journal directory (default: <state dir>/journal).", valueName: "dir"))
        var dir: String?
    }

    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show segments, cursors, gaps, quarantine, repairs and size.",
            usage: """
                sensorbox journal inspect [--dir <dir>] [--json] [--config <file>]
                       [--boards <dir>] [--state-dir <dir>]
                """,
            discussion: """
                Opening the journal repairs it as the agent would (cuts a torn tail, quarantines \
                a corrupt segment, writes gap records): the repairs are listed. Use \
                "sensorbox journal verify" first to see damage without changing anything. It is \
                refused while an agent has the journal open.
                """)

        @OptionGroup var location: Location

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() async throws {
            let (box, board) = try location.box.load()
            let state = location.box.stateDirectory(for: board)
            let directory = JournalAccess.directory(explicit: location.dir, stateDirectory: state)
            do {
                let opened = try JournalAccess.open(box: box, board: board, directory: directory, stateDirectory: state)
                defer { opened.close() }
                let journal = opened.journal
                let inspection = try journal.inspect()
                print(json ? InspectionReport.json(inspection) : InspectionReport.text(inspection), terminator: "")
            } catch {
                printToStandardError("sensorbox journal inspect: \(error)\n")
                throw ExitCode(1)
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every record's CRC and the cursor log, changing nothing.",
            usage: """
                sensorbox journal verify [--dir <dir>] [--config <file>] [--boards <dir>]
                       [--state-dir <dir>]
                """,
            discussion: """
                Reads every file without opening the journal (opening would repair it) and \
                prints one line per problem, FILE at OFFSET: message, then a summary. Exits \
                with status 1 if there is any problem, 0 if the journal is intact.
                """)

        @OptionGroup var location: Location

        func run() async throws {
            let (_, board) = try location.box.load()
            let directory = JournalAccess.directory(
                explicit: location.dir, stateDirectory: location.box.stateDirectory(for: board))
            let problems = FileJournal.verify(directory: directory)
            print(VerificationReport.text(problems, directory: directory), terminator: "")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
