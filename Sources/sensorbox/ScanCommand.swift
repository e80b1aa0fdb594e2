import Agent
import ArgumentParser

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find the known chips on every I2C bus of a board.",
        usage: """
            sensorbox scan [--board <name>] [--boards <dir>] [--json]
            """,
        discussion: """
            Identifies chips by what they answer (SPS30 product type, SEN5x product name, seesaw \
            hardware id, SHT4x serial, AMG8833 thermistor, ADS1115 config register, PMSA003I \
            frame header) and prints address, chip and serial. Only harmless probes: nothing is \
            written to a device that has not identified itself. Without --board: the simulated \
            board with the built-in box wired, so every chip shows. Exits 1 if a bus \
            does not open.
            """)

    @Option(help: ArgumentHelp("The board file's name (raspberry-pi-4). Default: the simulator.", valueName: "name"))
    var board: String?

    @Option(name: .long, help: ArgumentHelp("Where board files are (default: /usr/share/sensorbox/boards, else ./Boards).", valueName: "dir"))
    var boards: String?

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    func run() async throws {
        let boardConfig: BoardConfig
        var box: BoxConfig?
        do {
            let (builtInBox, builtInBoard) = try ConfigLoader.loadBuiltIn()
            if let board, board != builtInBoard.name {
                boardConfig = try ConfigLoader.loadBoard(name: board, directory: boards ?? BoxSelection.defaultBoardDirectory())
            } else {
                boardConfig = builtInBoard
                box = builtInBox
            }
        } catch {
            printToStandardError(error.description + "\n")
            throw ExitCode(2)
        }
        let hardware = DiagnosticHardware.make(board: boardConfig, box: box)
        let results = await BusScan.run(board: boardConfig, hardware: hardware.backend)
        if json {
            print(BusScan.json(results, board: boardConfig).compact)
        } else {
            print(BusScan.text(results, board: boardConfig), terminator: "")
        }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
