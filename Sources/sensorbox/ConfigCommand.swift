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
                is any; otherwise prints "FILE: ok" and a summary of the box, and exits 0.
                """)

        @Argument(help: ArgumentHelp("The box config file.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("Where board files are (default: /usr/share/sensorbox/boards, else ./Boards).", valueName: "dir"))
        var boards: String?

        func run() async throws {
            do {
                let (box, board) = try ConfigLoader.load(boxFile: file, boardDirectory: boards ?? BoxSelection.defaultBoardDirectory())
                print("\(file): ok")
                for line in box.summary(board: board) { print(line) }
            } catch {
                printToStandardError(error.description + "\n")
                throw ExitCode(1)
            }
        }
    }
}
