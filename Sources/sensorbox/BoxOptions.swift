import Agent
import ArgumentParser

/// The options that say which box to run: a config file, or the built-in simulated box.
struct BoxOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The box config file (TOML). Without it: the built-in box on the simulated board.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Where board files are (default: /usr/share/sensorbox/boards, else ./Boards).", valueName: "dir"))
    var boards: String?

    @Option(name: .long, help: ArgumentHelp("The journal and state directory (default: /var/lib/sensorbox for a real box, .sensorbox for the simulated board and for every simulate).", valueName: "dir"))
    var stateDir: String?

    var boardDirectory: String {
        boards ?? BoxSelection.defaultBoardDirectory()
    }

    /// The box and board, or the config errors printed and a failure exit.
    func load() throws -> (BoxConfig, BoardConfig) {
        do {
            if let config {
                return try ConfigLoader.load(boxFile: config, boardDirectory: boardDirectory)
            }
            return try ConfigLoader.loadBuiltIn()
        } catch {
            printToStandardError(error.description + "\n")
            throw ExitCode(2)
        }
    }

    func stateDirectory(for board: BoardConfig) -> String {
        stateDir ?? (board.simulated ? StateDirectory.simulatorDefault : StateDirectory.boxDefault)
    }

    /// For `simulate`: never a real box's state directory, whatever the board. A simulation of a
    /// real box's config must not append simulated counts to its journal, overwrite its
    /// calibration, or take its undelivered records.
    var simulationStateDirectory: String {
        stateDir ?? StateDirectory.simulatorDefault
    }
}
