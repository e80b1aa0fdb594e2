import Agent
import ArgumentParser

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check box configs.",
        subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a box config and its board file.",
            discussion: """
                Prints every problem as FILE:LINE:COLUMN: message and exits with status 1 if there \
                is any; prints "FILE: ok" and exits 0 otherwise.
                """)

        @Argument(help: ArgumentHelp("The box config file.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("Where board files are (default: /usr/share/sensorbox/boards, else ./Boards).", valueName: "dir"))
        var boards: String?

        func run() async throws {
            let diagnostics = ConfigLoader.check(boxFile: file, boardDirectory: boards ?? BoxSelection.defaultBoardDirectory())
            if diagnostics.isEmpty {
                print("\(file): ok")
                return
            }
            for diagnostic in diagnostics { printToStandardError("\(diagnostic)\n") }
            throw ExitCode(1)
        }
    }
}
