import Testing

@testable import Agent

/// Each kind of mistake a technician can make yields one exact `FILE:LINE:COLUMN: message`.
@Suite("Box config: diagnostics")
struct ConfigErrorTests {
    private func check(_ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try ConfigTestSupport.diagnostics(text)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    @Test("unknown keys anywhere, with a suggestion when one is close")
    func unknownKeys() throws {
        try check(
            """
            colour = "green"
            [box]
            id = "b"
            board = "simulator"
            nmae = "typo"
            [journal]
            max_size = 10
            [[sensor]]
            id = "pm"
            type = "sps30"
            adress = 0x69
            [[uplink]]
            type = "stdout"
            url = "x"
            """,
            [
                "box.toml:1:1: unknown key \"colour\" in the top level; known keys: box, journal, privacy, sensor, uplink",
                "box.toml:5:1: unknown key \"nmae\" in [box] (did you mean \"name\"?)",
                "box.toml:7:1: unknown key \"max_size\" in [journal]; known keys: max_size_mb, commit_interval_ms, commit_records",
                "box.toml:11:1: unknown key \"adress\" in sensor \"pm\" (did you mean \"address\"?)",
                "box.toml:14:1: unknown key \"url\" in uplink #1; known keys: type",
            ])
    }

    @Test("wrong types name what was expected and what was found")
    func wrongTypes() throws {
        try check(
            """
            [box]
            id = 12
            board = "simulator"
            latitude = "49.41"
            longitude = 8.69
            [journal]
            commit_records = 2.5
            [[sensor]]
            id = "pm"
            type = "sps30"
            address = "0x69"
            interval = 1
            """,
            [
                "box.toml:2:6: box.id: expected a string, found an integer",
                "box.toml:4:12: box.latitude: expected a number, found a string",
                "box.toml:7:18: journal.commit_records: expected an integer, found a float",
                "box.toml:11:11: sensor \"pm\": address: expected an integer, found a string",
                "box.toml:12:12: sensor \"pm\": interval: expected a string, found an integer",
            ])
    }

    @Test("a missing [box] table, box.id and box.board")
    func missingRequired() throws {
        try check(
            """
            [[sensor]]
            id = "pm"
            type = "sps30"
            """,
            ["box.toml:1:1: missing required table [box]"])
        try check(
            """

            [box]
            name = "nameless"

            [[sensor]]
            id = "pm"
            type = "sps30"
            """,
            [
                "box.toml:2:1: missing required key \"id\" in [box]",
                "box.toml:2:1: missing required key \"board\" in [box] (a board name, or board_file = \"path\")",
            ])
    }

    @Test("box keys that go together or exclude each other")
    func boxKeyCombinations() throws {
        try check(
            """
            [box]
            id = "b"
            board = "simulator"
            board_file = "simulator.toml"
            latitude = 49.41
            [[sensor]]
            id = "pm"
            type = "sps30"
            """,
            [
                "box.toml:4:14: box.board_file: give either board or board_file, not both",
                "box.toml:5:12: box: give both latitude and longitude, or neither",
            ])
        try check("[box]\nid = \"b\"\nboard = \"simulator\"\nlongitude = 200\n[[sensor]]\nid = \"pm\"\ntype = \"sps30\"\n", [
            "box.toml:4:13: box.longitude: 200 is out of range -180–180"
        ])
    }

    @Test("uplinks: unknown types and duplicates")
    func uplinks() throws {
        try check(
            ConfigTestSupport.minimalBox + """
                [[uplink]]
                type = "stdout"
                [[uplink]]
                type = "stdout"
                [[uplink]]
                type = "mqtt"
                """,
            [
                "box.toml:11:8: uplink #2: a stdout uplink is already configured at box.toml:9:8",
                "box.toml:13:8: uplink #3: unknown type \"mqtt\"; known types: stdout",
            ])
    }

    @Test("keys of one sensor type are unknown on another")
    func keysOfAnotherType() throws {
        try check(ConfigTestSupport.minimalBox + "channel = 1\n", [
            "box.toml:8:1: unknown key \"channel\" in sensor \"pm\"; known keys: id, type, bus, address, interval, window"
        ])
        try check(
            ConfigTestSupport.minimalBox + "[[sensor]]\nid = \"beams\"\ntype = \"beam-pair\"\npins = [\"GPIO17\", \"GPIO27\"]\naddress = 0x10\n",
            [
                "box.toml:12:1: unknown key \"address\" in sensor \"beams\"; known keys: id, type, interval, window, gpio, pins, debounce, directions"
            ])
    }

    @Test("no sensors configured")
    func noSensors() throws {
        try check("[box]\nid = \"b\"\nboard = \"simulator\"\n", [
            "box.toml:1:1: no sensors configured: add a [[sensor]] table for each sensor of the box"
        ])
        try check("sensor = []\n[box]\nid = \"b\"\nboard = \"simulator\"\n", [
            "box.toml:1:10: no sensors configured: add a [[sensor]] table for each sensor of the box"
        ])
    }

    @Test("a single [sensor] instead of [[sensor]]")
    func sensorNotArray() throws {
        try check("[box]\nid = \"b\"\nboard = \"simulator\"\n[sensor]\nid = \"pm\"\ntype = \"sps30\"\n", [
            "box.toml:4:1: sensor: write [[sensor]] (an array of tables), not [sensor]"
        ])
    }

    @Test("duplicate sensor ids name the first place")
    func duplicateIDs() throws {
        try check(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "pm"
                type = "pmsa003i"
                """,
            ["box.toml:9:6: sensor \"pm\" is defined twice (first at box.toml:6:6)"])
    }

    @Test("an unknown sensor type lists the known ones")
    func unknownType() throws {
        try check(
            ConfigTestSupport.minimalBox.replacingOccurrences("\"sps30\"", with: "\"sps31\""),
            [
                "box.toml:7:8: sensor \"pm\": unknown type \"sps31\"; known types: sps30, sen5x, pmsa003i, sht4x, seesaw-soil, ads1115-soil, amg8833, beam-pair"
            ])
    }

    @Test("unknown bus, gpio chip and pin names list what the board has")
    func unknownBoardResources() throws {
        try check(
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
        try check(ConfigTestSupport.minimalBox + "address = \(address)\n", [expected])
    }

    @Test("an AMG8833 on the SPS30's 0x69 is told to strap to 0x68, naming both places")
    func amg8833OnSPS30Address() throws {
        try check(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "thermal"
                type = "amg8833"
                """,
            [
                "box.toml:8:1: sensor \"thermal\": address 0x69 on bus i2c-1 is already used by sensor \"pm\" (SPS30) at box.toml:5:1; strap the AMG8833 to 0x68"
            ])
        try check(
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

    @Test("two fixed-address chips on one bus: one must move to another bus")
    func sps30AndSEN5x() throws {
        try check(
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
        try check(ConfigTestSupport.minimalBox + probe("a", 0) + probe("b", 1), [])
        try check(
            ConfigTestSupport.minimalBox + probe("a", 0) + probe("b", 0),
            [
                "box.toml:14:1: sensor \"b\": channel 0 of the ADS1115 at 0x48 on bus i2c-1 is already used by sensor \"a\" at box.toml:8:1"
            ])
    }

    @Test("one GPIO line cannot serve two beam pairs")
    func gpioLineTwice() throws {
        try check(
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
        try check(
            ConfigTestSupport.minimalBox + "window = \"\(window)\"\n",
            [
                "box.toml:8:10: sensor \"pm\": window \(pretty) does not divide an hour into whole minutes; use 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m or 60m"
            ])
    }

    @Test("durations: unreadable, too short for the chip, longer than the window")
    func badIntervals() throws {
        try check(ConfigTestSupport.minimalBox + "interval = \"1 s\"\n", [
            "box.toml:8:12: sensor \"pm\": interval: \"1 s\" is not a duration: write whole numbers with a unit ms, s, m or h, e.g. \"250ms\", \"1s\", \"5m\", \"24h\" or \"1h30m\""
        ])
        try check(ConfigTestSupport.minimalBox + "interval = \"100ms\"\n", [
            "box.toml:8:12: sensor \"pm\": interval: 100ms is out of range 1s–1h"
        ])
        try check(ConfigTestSupport.minimalBox + "interval = \"5m\"\n", [
            "box.toml:8:12: sensor \"pm\": interval 5m is longer than the window 1m"
        ])
    }

    @Test(
        "privacy parameters: k < 2, ε ≤ 0, keys of another profile, unknown profiles",
        arguments: [
            ("minimum_count = 1", "box.toml:9:17: privacy.minimum_count: 1 is out of range 2–1000000 (counts below k are withheld; k < 2 withholds nothing)"),
            ("profile = \"dp\"\nepsilon = 0", "box.toml:10:11: privacy.epsilon: 0 must be greater than 0 and at most 100 (smaller is more private; 0.5 is typical)"),
            ("profile = \"dp\"\nepsilon = -0.5", "box.toml:10:11: privacy.epsilon: -0.5 must be greater than 0 and at most 100 (smaller is more private; 0.5 is typical)"),
            ("profile = \"dp\"", "box.toml:9:11: missing required key \"epsilon\" in [privacy] for profile \"dp\" (e.g. 0.5)"),
            ("profile = \"exact\"\nminimum_count = 5", "box.toml:10:17: privacy.minimum_count: applies only to profile \"suppress\""),
            ("profile = \"laplace\"", "box.toml:9:11: privacy.profile: unknown profile \"laplace\"; known profiles: exact, suppress, dp"),
        ])
    func privacy(lines: String, expected: String) throws {
        try check(ConfigTestSupport.minimalBox + "[privacy]\n" + lines + "\n", [expected])
    }

    @Test("type-specific values are checked")
    func typeSpecific() throws {
        try check(
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
                "box.toml:26:8: sensor \"thermal\": line must be \"middle\" or a row/column index 0–7",
                "box.toml:27:21: sensor \"thermal\": directions must be two different names",
                "box.toml:28:1: sensor \"pm2\": address 0x69 on bus i2c-1 is already used by sensor \"pm\" (SPS30) at box.toml:5:1; put one of them on another bus",
                "box.toml:32:9: sensor \"pm2\": model \"sen56\" is not one of \"sen50\", \"sen54\" or \"sen55\"",
            ])
    }

    @Test("every problem of a file is reported, in file order")
    func collectsAll() throws {
        let diagnostics = try ConfigTestSupport.diagnostics(
            """
            [box]
            id = "Bad ID"
            board = "simulator"
            [[sensor]]
            id = "pm"
            type = "sps30"
            address = 0x80
            window = "7m"
            [[sensor]]
            id = "pm"
            type = "nope"
            [privacy]
            minimum_count = 0
            """)
        #expect(diagnostics.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "box.toml:2:6", "box.toml:7:11", "box.toml:8:10", "box.toml:10:6", "box.toml:11:8", "box.toml:13:17",
        ])
    }

    @Test("a syntax error reports toml++'s position and message")
    func syntaxError() throws {
        let diagnostics = try ConfigTestSupport.diagnostics("[box]\nid = \"b\"\nboard = simulator\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("box.toml:3:9: ") == true)
    }

    @Test("ConfigError prints one FILE:LINE:COLUMN line per diagnostic")
    func errorDescription() {
        let error = ConfigError([
            ConfigDiagnostic(file: "box.toml", position: SourcePosition(line: 12, column: 11), message: "first"),
            ConfigDiagnostic(file: "/etc/sensorbox/sensorbox.toml", position: nil, message: "no such file"),
        ])
        #expect(error.description == "box.toml:12:11: first\n/etc/sensorbox/sensorbox.toml: no such file")
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
