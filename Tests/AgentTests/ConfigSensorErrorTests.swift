import Testing

@testable import Agent

/// Mistakes in where sensors sit and how they are set up: buses, addresses, pins, windows and
/// type-specific keys, each as one exact `FILE:LINE:COLUMN: message`.
@Suite("Box config: sensor diagnostics")
struct ConfigSensorErrorTests {
    @Test("keys of one sensor type are unknown on another")
    func keysOfAnotherType() throws {
        try expectDiagnostics(ConfigTestSupport.minimalBox + "channel = 1\n", [
            "box.toml:8:1: unknown key \"channel\" in sensor \"pm\"; known keys: id, type, bus, address, interval, window"
        ])
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + "[[sensor]]\nid = \"beams\"\ntype = \"beam-pair\"\npins = [\"GPIO17\", \"GPIO27\"]\naddress = 0x10\n",
            [
                "box.toml:12:1: unknown key \"address\" in sensor \"beams\"; known keys: id, type, interval, window, gpio, pins, debounce, directions"
            ])
    }

    @Test("unknown bus, gpio chip and pin names list what the board has")
    func unknownBoardResources() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + """
                bus = "i2c-3"
                [[sensor]]
                id = "beams"
                type = "beam-pair"
                gpio = "aux"
                pins = ["GPIO17", "GPIO27"]
                [[sensor]]
                id = "beams2"
                type = "beam-pair"
                pins = ["GPIO17", "GPIO99"]
                """,
            [
                "box.toml:8:7: sensor \"pm\": unknown bus \"i2c-3\"; board simulator has i2c-1",
                "box.toml:12:8: sensor \"beams\": unknown gpio chip \"aux\"; board simulator has main",
                "box.toml:17:19: sensor \"beams2\": unknown pin \"GPIO99\" on gpio chip \"main\"; known pins: GPIO10, GPIO11, GPIO12, GPIO13, GPIO16, GPIO17, GPIO18, GPIO19, GPIO20, GPIO21, GPIO22, GPIO23, GPIO24, GPIO25, GPIO26, GPIO27, GPIO4, GPIO5, GPIO6, GPIO7, GPIO8, GPIO9",
            ])
    }

    @Test(
        "addresses must be 7-bit and one the chip can answer on",
        arguments: [
            ("0x80", "box.toml:8:11: sensor \"pm\": address 0x80 is not a 7-bit I2C address"),
            ("-1", "box.toml:8:11: sensor \"pm\": address -1 is not a 7-bit I2C address"),
            ("0x100", "box.toml:8:11: sensor \"pm\": address 0x0100 is not a 7-bit I2C address"),
            ("0x68", "box.toml:8:11: sensor \"pm\": address 0x68 is not an address of the SPS30; it answers on 0x69"),
        ])
    func addresses(address: String, expected: String) throws {
        try expectDiagnostics(ConfigTestSupport.minimalBox + "address = \(address)\n", [expected])
    }

    @Test("an AMG8833 on the SPS30's 0x69 is told to strap to 0x68, naming both places")
    func amg8833OnSPS30Address() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "thermal"
                type = "amg8833"
                """,
            [
                "box.toml:8:1: sensor \"thermal\": address 0x69 on bus i2c-1 is already used by sensor \"pm\" (SPS30) at box.toml:5:1; strap the AMG8833 to 0x68"
            ])
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "thermal"
                type = "amg8833"
                address = 0x69
                """,
            [
                "box.toml:11:11: sensor \"thermal\": address 0x69 on bus i2c-1 is already used by sensor \"pm\" (SPS30) at box.toml:5:1; strap the AMG8833 to 0x68"
            ])
    }

    @Test("an AMG8833 left at 0x69 next to a SEN5x gets the same advice")
    func amg8833OnSEN5xAddress() throws {
        try expectDiagnostics(
            "[box]\nid = \"b\"\nboard = \"simulator\"\n[[sensor]]\nid = \"thermal\"\ntype = \"amg8833\"\n[[sensor]]\nid = \"pm\"\ntype = \"sen5x\"\n",
            [
                "box.toml:7:1: sensor \"pm\": address 0x69 on bus i2c-1 is already used by sensor \"thermal\" (AMG8833) at box.toml:4:1; strap the AMG8833 to 0x68"
            ])
    }

    @Test("two fixed-address chips on one bus: one must move to another bus")
    func sps30AndSEN5x() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + "[[sensor]]\nid = \"pm2\"\ntype = \"sen5x\"\n",
            [
                "box.toml:8:1: sensor \"pm2\": address 0x69 on bus i2c-1 is already used by sensor \"pm\" (SPS30) at box.toml:5:1; put one of them on another bus"
            ])
    }

    @Test("soil probes share an ADS1115 on different channels, not on the same one")
    func ads1115Channels() throws {
        let probe = { (id: String, channel: Int) in
            "[[sensor]]\nid = \"\(id)\"\ntype = \"ads1115-soil\"\nchannel = \(channel)\ndry_voltage = 2.5\nwet_voltage = 1.1\n"
        }
        try expectDiagnostics(ConfigTestSupport.minimalBox + probe("a", 0) + probe("b", 1), [])
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + probe("a", 0) + probe("b", 0),
            [
                "box.toml:14:1: sensor \"b\": channel 0 of the ADS1115 at 0x48 on bus i2c-1 is already used by sensor \"a\" at box.toml:8:1"
            ])
    }

    @Test("one GPIO line cannot serve two beam pairs")
    func gpioLineTwice() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "door-a"
                type = "beam-pair"
                pins = ["GPIO17", "GPIO27"]
                [[sensor]]
                id = "door-b"
                type = "beam-pair"
                pins = ["GPIO22", "GPIO27"]
                """,
            [
                "box.toml:12:1: sensor \"door-b\": pin GPIO27 of gpio chip \"main\" is already used by sensor \"door-a\" at box.toml:8:1"
            ])
    }

    @Test(
        "windows must divide an hour into whole minutes",
        arguments: ["7m", "90s", "30s", "2h", "45m"])
    func badWindows(window: String) throws {
        let pretty = formatDuration(try parseDuration(window))
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + "window = \"\(window)\"\n",
            [
                "box.toml:8:10: sensor \"pm\": window \(pretty) does not divide an hour into whole minutes; use 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m or 60m"
            ])
    }

    @Test("durations: unreadable, too short for the chip, longer than the window")
    func badIntervals() throws {
        try expectDiagnostics(ConfigTestSupport.minimalBox + "interval = \"1 s\"\n", [
            "box.toml:8:12: sensor \"pm\": interval: \"1 s\" is not a duration: write whole numbers with a unit ms, s, m, h or d, e.g. \"250ms\", \"1s\", \"5m\", \"24h\", \"7d\" or \"1h30m\""
        ])
        try expectDiagnostics(ConfigTestSupport.minimalBox + "interval = \"100ms\"\n", [
            "box.toml:8:12: sensor \"pm\": interval: 100ms is out of range 1s–1h"
        ])
        try expectDiagnostics(ConfigTestSupport.minimalBox + "interval = \"5m\"\n", [
            "box.toml:8:12: sensor \"pm\": interval 5m is longer than the window 1m"
        ])
    }

    @Test("a thermal counter's line on the frame's edge, and an interval it would not follow, are refused")
    func thermalLineAndInterval() throws {
        let thermal = ConfigTestSupport.minimalBox + """
            [[sensor]]
            id = "thermal"
            type = "amg8833"
            address = 0x68

            """
        for edge in [0, 7] {
            try expectDiagnostics(thermal + "line = \(edge)\n", [
                "box.toml:12:8: sensor \"thermal\": line \(edge) is the frame's edge, which nobody can be seen to cross; use a row/column index 1–6 or \"middle\""
            ])
        }
        try expectDiagnostics(thermal + "interval = \"1m\"\n", [
            "box.toml:12:12: sensor \"thermal\": an amg8833 is read at its frame rate, 10 frames a second (interval = \"100ms\"); 1m does not apply"
        ])
        try expectDiagnostics(thermal + "interval = \"100ms\"\n", [])
    }

    @Test("type-specific values are checked")
    func typeSpecific() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "soil"
                type = "ads1115-soil"
                channel = 4
                gain = "5"
                dry_voltage = 1.0
                wet_voltage = 2.0
                [[sensor]]
                id = "soil2"
                type = "ads1115-soil"
                address = 0x49
                gain = "1.024"
                dry_voltage = 2.0
                wet_voltage = 0.5
                [[sensor]]
                id = "thermal"
                type = "amg8833"
                address = 0x68
                line = 8
                directions = ["in", "in"]
                mounting_height = 1.5
                field_of_view = "wide"
                [[sensor]]
                id = "pm2"
                type = "sen5x"
                bus = "i2c-1"
                model = "sen56"
                """,
            [
                "box.toml:11:11: sensor \"soil\": channel: 4 is out of range 0–3",
                "box.toml:12:8: sensor \"soil\": gain must be a PGA full scale in volts: \"6.144\", \"4.096\", \"2.048\", \"1.024\", \"0.512\" or \"0.256\"",
                "box.toml:20:15: sensor \"soil2\": dry_voltage 2 V is above the full scale of gain \"1.024\" (±1.024 V)",
                "box.toml:26:8: sensor \"thermal\": line must be \"middle\" or a row/column index 1–6",
                "box.toml:27:21: sensor \"thermal\": directions must be two different names",
                "box.toml:28:19: sensor \"thermal\": mounting_height: 1.5 is out of range 2–15",
                "box.toml:29:17: sensor \"thermal\": field_of_view: expected a number, found a string",
                "box.toml:30:1: sensor \"pm2\": address 0x69 on bus i2c-1 is already used by sensor \"pm\" (SPS30) at box.toml:5:1; put one of them on another bus",
                "box.toml:34:9: sensor \"pm2\": model \"sen56\" is not one of \"sen50\", \"sen54\" or \"sen55\"",
            ])
    }
}

/// A thermal counter's `beams` must name a beam pair of the box that counts the same windows
/// under the same direction names: its counts fill in the thermal counter's windows one for one.
@Suite("Box config: a thermal counter's beam pair")
struct ConfigBeamReferenceTests {
    func box(beams: String, pairWindow: String = "1m", pairDirections: String = "[\"in\", \"out\"]") -> String {
        ConfigTestSupport.minimalBox + """
            [[sensor]]
            id = "door"
            type = "amg8833"
            address = 0x68
            window = "1m"
            beams = "\(beams)"
            [[sensor]]
            id = "gate"
            type = "beam-pair"
            pins = ["GPIO17", "GPIO27"]
            window = "\(pairWindow)"
            directions = \(pairDirections)
            """
    }

    @Test("a beam pair with the same window and directions is taken")
    func valid() throws {
        let board = try ConfigLoader.decodeBoard(BuiltInBoard.simulatorTOML, file: "board")
        let config = try ConfigLoader.decodeBox(box(beams: "gate"), file: "box.toml", board: board)
        guard case .amg8833(let settings) = config.sensors[1].settings else {
            Issue.record("the second sensor is the AMG8833")
            return
        }
        #expect(settings.beams == "gate")
    }

    @Test("naming no sensor, or one that is not a beam pair, is an error at the name")
    func unknownOrWrongType() throws {
        try expectDiagnostics(box(beams: "gates"), [
            "box.toml:13:9: sensor \"door\": beams \"gates\" is not a sensor of this box; beam pairs: \"gate\""
        ])
        try expectDiagnostics(box(beams: "pm"), [
            "box.toml:13:9: sensor \"door\": beams \"pm\" is of type sps30, not beam-pair"
        ])
    }

    @Test("another window or other direction names are errors that say both")
    func mismatches() throws {
        try expectDiagnostics(box(beams: "gate", pairWindow: "15m"), [
            "box.toml:13:9: sensor \"door\": beams \"gate\" counts in windows of 15m, this counter in windows of 1m; they must be the same"
        ])
        try expectDiagnostics(box(beams: "gate", pairDirections: "[\"out\", \"in\"]"), [
            "box.toml:13:9: sensor \"door\": beams \"gate\" names its directions [\"out\", \"in\"], this counter [\"in\", \"out\"]; they must be the same, in the same order"
        ])
    }

    @Test("two thermal counters cannot take the same beam pair's windows")
    func sharedPair() throws {
        try expectDiagnostics(
            """
            [box]
            id = "test-box"
            board = "simulator"
            [[sensor]]
            id = "door"
            type = "amg8833"
            address = 0x68
            beams = "gate"
            [[sensor]]
            id = "door2"
            type = "amg8833"
            address = 0x69
            beams = "gate"
            [[sensor]]
            id = "gate"
            type = "beam-pair"
            pins = ["GPIO17", "GPIO27"]
            """,
            ["box.toml:13:9: sensor \"door2\": beams \"gate\" already fills in sensor \"door\""])
    }
}
