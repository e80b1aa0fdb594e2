import Testing

@testable import Agent

/// Each kind of mistake a technician can make yields one exact `FILE:LINE:COLUMN: message`.
@Suite("Box config: diagnostics")
struct ConfigErrorTests {
    @Test("unknown keys anywhere, with a suggestion when one is close")
    func unknownKeys() throws {
        try expectDiagnostics(
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
        try expectDiagnostics(
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
        try expectDiagnostics(
            """
            [[sensor]]
            id = "pm"
            type = "sps30"
            """,
            ["box.toml:1:1: missing required table [box]"])
        try expectDiagnostics(
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
        try expectDiagnostics(
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
        try expectDiagnostics("[box]\nid = \"b\"\nboard = \"simulator\"\nlongitude = 200\n[[sensor]]\nid = \"pm\"\ntype = \"sps30\"\n", [
            "box.toml:4:13: box.longitude: 200 is out of range -180–180"
        ])
    }

    @Test("uplinks: unknown types and duplicates")
    func uplinks() throws {
        try expectDiagnostics(
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

    @Test("no sensors configured")
    func noSensors() throws {
        try expectDiagnostics("[box]\nid = \"b\"\nboard = \"simulator\"\n", [
            "box.toml:1:1: no sensors configured: add a [[sensor]] table for each sensor of the box"
        ])
        try expectDiagnostics("sensor = []\n[box]\nid = \"b\"\nboard = \"simulator\"\n", [
            "box.toml:1:10: no sensors configured: add a [[sensor]] table for each sensor of the box"
        ])
    }

    @Test("a single [sensor] instead of [[sensor]]")
    func sensorNotArray() throws {
        try expectDiagnostics("[box]\nid = \"b\"\nboard = \"simulator\"\n[sensor]\nid = \"pm\"\ntype = \"sps30\"\n", [
            "box.toml:4:1: sensor: write [[sensor]] (an array of tables), not [sensor]"
        ])
    }

    @Test("duplicate sensor ids name the first place")
    func duplicateIDs() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox + """
                [[sensor]]
                id = "pm"
                type = "pmsa003i"
                """,
            ["box.toml:9:6: sensor \"pm\" is defined twice (first at box.toml:6:6)"])
    }

    @Test("a sensor without a usable type reports only that")
    func missingType() throws {
        try expectDiagnostics(ConfigTestSupport.minimalBox + "[[sensor]]\nid = \"x\"\naddress = 0x44\n", [
            "box.toml:8:1: missing required key \"type\" in sensor \"x\""
        ])
        try expectDiagnostics(ConfigTestSupport.minimalBox + "[[sensor]]\nid = \"x\"\ntype = 4\naddress = 0x44\n", [
            "box.toml:10:8: sensor \"x\": type: expected a string, found an integer"
        ])
    }

    @Test("an unknown sensor type lists the known ones")
    func unknownType() throws {
        try expectDiagnostics(
            ConfigTestSupport.minimalBox.replacingOccurrences("\"sps30\"", with: "\"sps31\""),
            [
                "box.toml:7:8: sensor \"pm\": unknown type \"sps31\"; known types: sps30, sen5x, pmsa003i, sht4x, seesaw-soil, ads1115-soil, amg8833, beam-pair"
            ])
    }

    @Test(
        "privacy parameters: k < 2, ε ≤ 0, keys of another profile, unknown profiles",
        arguments: [
            ("minimum_count = 1", "box.toml:9:17: privacy.minimum_count: 1 is out of range 2–1000000 (counts below k are withheld; k < 2 withholds nothing)"),
            ("profile = \"dp\"\nepsilon = 0", "box.toml:10:11: privacy.epsilon: 0 must be at least 0.001 and at most 100 (smaller is more private; 0.5 is typical)"),
            ("profile = \"dp\"\nepsilon = -0.5", "box.toml:10:11: privacy.epsilon: -0.5 must be at least 0.001 and at most 100 (smaller is more private; 0.5 is typical)"),
            ("profile = \"dp\"\nepsilon = 0.0005", "box.toml:10:11: privacy.epsilon: 0.0005 must be at least 0.001 and at most 100 (smaller is more private; 0.5 is typical)"),
            ("profile = \"dp\"", "box.toml:9:11: missing required key \"epsilon\" in [privacy] for profile \"dp\" (e.g. 0.5)"),
            ("profile = \"exact\"\nminimum_count = 5", "box.toml:10:17: privacy.minimum_count: applies only to profile \"suppress\""),
            ("profile = \"dp\"\nepsilon = inf", "box.toml:10:11: privacy.epsilon: expected a finite number, found inf"),
            ("profile = \"laplace\"", "box.toml:9:11: privacy.profile: unknown profile \"laplace\"; known profiles: exact, suppress, dp"),
        ])
    func privacy(lines: String, expected: String) throws {
        try expectDiagnostics(ConfigTestSupport.minimalBox + "[privacy]\n" + lines + "\n", [expected])
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
