import Aggregation
import Counting
import Hardware
import Sensors
import Testing

@testable import Agent

@Suite("Box config: valid files")
struct ConfigBoxTests {
    @Test("a full box file loads into the expected structs, defaults filled in")
    func fullBox() throws {
        let (box, board) = try ConfigLoader.load(
            boxFile: ConfigTestSupport.fixtures + "/hauptstrasse.toml", boardDirectory: ConfigTestSupport.boards)
        #expect(board.name == "raspberry-pi-4")
        #expect(box.id == "hd-hauptstrasse-12")
        #expect(box.name == "Hauptstraße 12")
        #expect(box.board == .named("raspberry-pi-4"))
        #expect(box.location == GeoLocation(latitude: 49.41, longitude: 8.69))
        #expect(box.journal == JournalConfig(maximumBytes: 128 << 20, commitInterval: .milliseconds(500), commitRecords: 50))
        #expect(box.privacy == .differentialPrivacy(epsilon: 0.5))
        #expect(box.uplinks == [.stdout])
        #expect(box.sensors.map(\.id) == ["pm", "climate", "tree_north", "tree_south", "door", "beams"])

        #expect(box.sensor("pm") == SensorConfig(
            id: "pm", type: .sen5x, i2c: I2CPlacement(bus: "i2c-1", address: I2CAddress(0x69)),
            interval: .seconds(1), window: .seconds(300), settings: .sen5x(model: .sen54)))
        #expect(box.sensor("climate")?.i2c?.address == I2CAddress(0x45))
        #expect(box.sensor("climate")?.settings == .sht4x(precision: .medium))
        #expect(box.sensor("climate")?.window == .seconds(60))
        #expect(box.sensor("tree_north")?.settings == .ads1115Soil(
            ADS1115SoilSettings(channel: 2, fullScale: 2.048, dryVoltage: 1.9, wetVoltage: 0.8)))
        #expect(box.sensor("tree_south")?.settings == .ads1115Soil(
            ADS1115SoilSettings(channel: 3, fullScale: 4.096, dryVoltage: 2, wetVoltage: 1)))
        #expect(box.sensor("tree_south")?.interval == .seconds(60))
        #expect(box.sensor("tree_south")?.window == .seconds(900))
        #expect(box.sensor("door")?.settings == .amg8833(
            ThermalCounterSettings(
                line: .index(3), axis: .columns, directions: ["north", "south"],
                mounting: ThermalMounting(height: 4.5, fieldOfView: 60))))
        #expect(box.sensor("beams") == SensorConfig(
            id: "beams", type: .beamPair, i2c: nil, interval: .milliseconds(50), window: .seconds(900),
            settings: .beamPair(BeamPairSettings(
                chip: "main", pins: [GPIOPinConfig(name: "GPIO23", lineOffset: 23), GPIOPinConfig(name: "GPIO24", lineOffset: 24)],
                debounce: .milliseconds(50), directions: ["in", "out"]))))
    }

    @Test("the built-in box carries one of every sensor on the simulated board")
    func builtInBox() throws {
        let (box, board) = try ConfigLoader.loadBuiltIn()
        #expect(board.simulated)
        #expect(box.board == .named("simulator"))
        let expected: [(SensorID, SensorType, UInt8?)] = [
            ("pm", .sps30, 0x69), ("climate", .sht4x, 0x44), ("soil-a", .seesawSoil, 0x36), ("soil-b", .ads1115Soil, 0x48),
            ("footfall-thermal", .amg8833, 0x68), ("footfall-beams", .beamPair, nil),
        ]
        #expect(box.sensors.map(\.id) == expected.map(\.0))
        for (id, type, address) in expected {
            let sensor = try #require(box.sensor(id))
            #expect(sensor.type == type)
            #expect(sensor.i2c?.address.rawValue == address)
        }
        #expect(box.sensor("soil-b")?.settings == .ads1115Soil(
            ADS1115SoilSettings(channel: 0, fullScale: 4.096, dryVoltage: 2.8, wetVoltage: 1.2)))
        guard case .beamPair(let beams) = box.sensor("footfall-beams")?.settings else {
            Issue.record("footfall-beams is not a beam pair")
            return
        }
        #expect(beams.pins.map(\.name) == ["GPIO17", "GPIO27"])
        #expect(beams.debounce == .milliseconds(30))
        #expect(box.privacy == .suppression(minimumCount: 5))
        #expect(box.uplinks == [.stdout])
    }

    @Test("a minimal box gets the per-type defaults and suppression with k = 5")
    func minimalBox() throws {
        let box = try ConfigLoader.decodeBox(ConfigTestSupport.minimalBox, file: "box.toml", board: ConfigTestSupport.simulatorBoard())
        #expect(box.name == "test-box")
        #expect(box.location == nil)
        #expect(box.journal == .default)
        #expect(box.privacy == .suppression(minimumCount: 5))
        #expect(box.uplinks.isEmpty)
        #expect(box.sensors == [SensorConfig(
            id: "pm", type: .sps30, i2c: I2CPlacement(bus: "i2c-1", address: I2CAddress(0x69)),
            interval: .seconds(1), window: .seconds(60), settings: .sps30)])
    }

    @Test(
        "privacy profiles",
        arguments: [
            ("profile = \"exact\"", ReleaseMechanism.exact),
            ("profile = \"suppress\"", .suppression(minimumCount: 5)),
            ("profile = \"suppress\"\nminimum_count = 3", .suppression(minimumCount: 3)),
            ("minimum_count = 10", .suppression(minimumCount: 10)),
            ("profile = \"dp\"\nepsilon = 1", .differentialPrivacy(epsilon: 1)),
        ])
    func privacy(lines: String, expected: ReleaseMechanism) throws {
        let text = ConfigTestSupport.minimalBox + "[privacy]\n" + lines + "\n"
        let box = try ConfigLoader.decodeBox(text, file: "box.toml", board: ConfigTestSupport.simulatorBoard())
        #expect(box.privacy == expected)
    }

    @Test("windows that divide an hour are accepted", arguments: ["1m", "2m", "5m", "10m", "15m", "20m", "30m", "60m", "1h"])
    func windows(window: String) throws {
        let text = ConfigTestSupport.minimalBox + "window = \"\(window)\"\n"
        let box = try ConfigLoader.decodeBox(text, file: "box.toml", board: ConfigTestSupport.simulatorBoard())
        #expect(box.sensors.first?.window == (try parseDuration(window)))
    }

    @Test("board_file is read relative to the box file")
    func boardFile() throws {
        let (box, board) = try ConfigLoader.load(
            boxFile: ConfigTestSupport.fixtures + "/custom-board-box.toml", boardDirectory: "/nonexistent")
        #expect(box.board == .file("boards/bench.toml"))
        #expect(board.name == "bench")
        #expect(board.file == ConfigTestSupport.fixtures + "/boards/bench.toml")
        #expect(box.sensors.first?.i2c == I2CPlacement(bus: "i2c-3", address: I2CAddress(0x36)))
        #expect(box.sensors.first?.settings == .seesawSoil(dryCount: 200, wetCount: 2000))
    }
}

@Suite("Box config: summary")
struct ConfigSummaryTests {
    @Test("the built-in box's summary fits a serial console and names every sensor")
    func builtInSummary() throws {
        let (box, board) = try ConfigLoader.loadBuiltIn()
        let lines = box.summary(board: board)
        #expect(lines.first == "box simulated-box (Simulated box (all sensors)) on board simulator")
        #expect(lines.contains("privacy counts below 5 suppressed"))
        // The id column is as wide as the longest id: "footfall-thermal" whole.
        #expect(lines.contains("sensor pm               sps30        i2c-1 0x69          1s/1m"))
        #expect(lines.contains("sensor footfall-thermal amg8833      i2c-1 0x68          100ms/15m"))
        #expect(lines.contains("sensor footfall-beams   beam-pair    main GPIO17,GPIO27  50ms/15m"))
        #expect(lines.contains("footfall footfall-thermal: 4 m above the pavement, 60° lens"))
        #expect(lines.contains("footfall footfall-thermal: fills in from footfall-beams what it cannot see"))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test("exact footfall counts in windows shorter than 15 minutes are pointed out, longer ones not")
    func exactShortWindows() throws {
        func summary(sensor: String, window: String, profile: String) throws -> [String] {
            let text = """
                [box]
                id = "box"
                board = "simulator"
                [privacy]
                profile = "\(profile)"
                [[sensor]]
                id = "footfall-at-the-long-named-door"
                \(sensor)
                window = "\(window)"
                """
            let board = try ConfigTestSupport.simulatorBoard()
            let box = try ConfigLoader.decodeBox(text, file: "box.toml", board: board)
            return box.summary(board: board).filter { $0.hasPrefix("privacy exact with") }
        }
        let beams = "type = \"beam-pair\"\npins = [\"GPIO17\", \"GPIO27\"]", thermal = "type = \"amg8833\"\naddress = 0x68"
        for sensor in [beams, thermal] {
            #expect(try summary(sensor: sensor, window: "5m", profile: "exact") == ["privacy exact with footfall windows of 5m; PRIVACY.md advises 15m or more"])
            #expect(try summary(sensor: sensor, window: "15m", profile: "exact").isEmpty)
            #expect(try summary(sensor: sensor, window: "1m", profile: "suppress").isEmpty)
        }
    }

    @Test("a real board's summary tells the boot config lines")
    func bootConfigLines() throws {
        let (box, board) = try ConfigLoader.load(
            boxFile: ConfigTestSupport.fixtures + "/hauptstrasse.toml", boardDirectory: ConfigTestSupport.boards)
        let lines = box.summary(board: board)
        #expect(lines.contains("privacy differential privacy, epsilon 0.5"))
        #expect(lines.contains("footfall door: 4.5 m above the pavement, 60° lens"))
        #expect(lines.suffix(3) == ["  dtparam=i2c_arm=on", "  dtparam=i2c_arm_baudrate=100000", "  enable_uart=1"])
    }
}
