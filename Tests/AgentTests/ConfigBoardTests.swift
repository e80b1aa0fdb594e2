import Testing

@testable import Agent

@Suite("Board files")
struct ConfigBoardTests {
    static let boardNames = ["simulator", "raspberry-pi-4", "raspberry-pi-zero-2w", "raspberry-pi-5"]

    @Test("every board file in Boards/ loads by its name", arguments: boardNames)
    func boardLoads(name: String) throws {
        let board = try ConfigLoader.loadBoard(name: name, directory: ConfigTestSupport.boards)
        #expect(board.name == name)
        #expect(board.file == ConfigTestSupport.boards + "/\(name).toml")
        #expect(board.i2cBus(named: "i2c-1") != nil)
        let main = try #require(board.gpioChip(named: "main"))
        #expect(main.lineOffset(of: "GPIO17") == 17)
        #expect(main.lineOffset(of: "GPIO27") == 27)
        // The I2C pins are not offered as GPIO inputs.
        #expect(main.lineOffset(of: "GPIO2") == nil)
    }

    @Test("Boards/ holds exactly the boards this suite checks")
    func noUntestedBoards() {
        #expect(ConfigFiles.list(ConfigTestSupport.boards, suffix: ".toml").sorted() == Self.boardNames.map { $0 + ".toml" }.sorted())
    }

    @Test("real boards open their GPIO chip by the kernel's label and enable I2C at 100 kbit/s")
    func realBoards() throws {
        let labels = ["raspberry-pi-4": "pinctrl-bcm2711", "raspberry-pi-zero-2w": "pinctrl-bcm2835", "raspberry-pi-5": "pinctrl-rp1"]
        for (name, label) in labels {
            let board = try ConfigLoader.loadBoard(name: name, directory: ConfigTestSupport.boards)
            #expect(!board.simulated)
            #expect(board.gpioChip(named: "main")?.chipLabel == label)
            #expect(board.i2cBus(named: "i2c-1")?.device == "/dev/i2c-1")
            #expect(board.bootConfig.contains("dtparam=i2c_arm=on"))
            #expect(board.bootConfig.contains("dtparam=i2c_arm_baudrate=100000"))
        }
    }

    @Test("the built-in simulator board is the text of Boards/simulator.toml")
    func builtInBoardMatchesFile() throws {
        guard case .success(let bytes) = ConfigFiles.read(ConfigTestSupport.boards + "/simulator.toml") else {
            Issue.record("Boards/simulator.toml cannot be read")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == BuiltInBoard.simulatorTOML)
        let board = try ConfigTestSupport.simulatorBoard()
        #expect(board.simulated)
        #expect(board.i2cBuses == [I2CBusConfig(name: "i2c-1", device: "sim", pins: "simulated")])
        #expect(board.gpioChips.map(\.chipLabel) == ["sim-gpio"])
    }

    @Test("the simulator board is found without a board directory")
    func simulatorWithoutDirectory() throws {
        let board = try ConfigLoader.loadBoard(name: "simulator", directory: "/nonexistent")
        #expect(board.file == ConfigLoader.builtInFileName)
        #expect(board.name == "simulator")
    }

    @Test("an unknown board name lists the boards there are")
    func unknownBoard() {
        #expect(throws: ConfigError([
            ConfigDiagnostic(
                file: ConfigTestSupport.boards + "/raspberry-pi-3.toml", position: nil,
                message: "unknown board \"raspberry-pi-3\": no \(ConfigTestSupport.boards)/raspberry-pi-3.toml; known boards: raspberry-pi-4, raspberry-pi-5, raspberry-pi-zero-2w, simulator"
            )
        ])) {
            try ConfigLoader.loadBoard(name: "raspberry-pi-3", directory: ConfigTestSupport.boards)
        }
    }

    @Test("a board name cannot leave the board directory")
    func pathInName() {
        #expect(throws: ConfigError.self) { try ConfigLoader.loadBoard(name: "../Tests/x", directory: ConfigTestSupport.boards) }
    }

    @Test("board file mistakes are reported with their positions")
    func boardErrors() {
        let text = """
            [board]
            name = "Bad Name"
            simulated = "no"
            colour = "green"

            [[i2c]]
            name = "i2c-1"
            device = "i2c-1"

            [[i2c]]
            name = "i2c-1"
            device = "/dev/i2c-1"

            [[gpio]]
            name = "main"
            chip_label = "pinctrl-bcm2711"
            [gpio.pins]
            GPIO17 = 17
            GPIO18 = 17
            GPIO19 = 5000
            GPIO20 = "20"
            """
        do {
            _ = try ConfigLoader.decodeBoard(text, file: "b.toml")
            Issue.record("the board loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "b.toml:2:8: board.name: \"Bad Name\" must be 1–64 characters of a-z, 0-9 and -",
                "b.toml:3:13: board.simulated: expected true or false, found a string",
                "b.toml:4:1: unknown key \"colour\" in [board]; known keys: name, description, simulated, boot_config",
                "b.toml:8:10: i2c bus \"i2c-1\": device \"i2c-1\" is not a /dev path",
                "b.toml:11:8: i2c bus \"i2c-1\" is defined twice (first at b.toml:7:8)",
                "b.toml:19:10: gpio #1: pins GPIO17 and GPIO18 both name line 17",
                "b.toml:20:10: gpio #1: pin GPIO19: line offset 5000 is out of range 0–1023",
                "b.toml:21:10: gpio #1: pin GPIO20: expected a line offset, found a string",
            ])
        }
    }
}
