import Testing

@testable import Agent

@Suite("TOML through toml++")
struct ConfigTOMLTests {
    private func parse(_ text: String) throws -> TOMLTable {
        try TOMLDocument.parse(text).get()
    }

    @Test("values of every kind arrive with their key and value positions")
    func kindsAndPositions() throws {
        let table = try parse(
            """
            title = "box"
            count = 0x69
            ratio = 2.5
            on = true
            when = 2026-11-26T20:15:36Z
            day = 2026-11-26
            list = [1, "two"]

            [box]
              id = "a"
            """)
        #expect(table.keys == ["title", "count", "ratio", "on", "when", "day", "list", "box"])
        let count = try #require(table["count"])
        #expect(count.node.value == .integer(0x69))
        #expect(count.keyPosition == SourcePosition(line: 2, column: 1))
        #expect(count.node.position == SourcePosition(line: 2, column: 9))
        #expect(table["ratio"]?.node.value == .float(2.5))
        #expect(table["on"]?.node.value == .boolean(true))
        #expect(table["when"]?.node.value == .dateTime("2026-11-26T20:15:36Z"))
        #expect(table["day"]?.node.value == .dateTime("2026-11-26"))
        guard case .array(let list) = table["list"]?.node.value else {
            Issue.record("list is not an array")
            return
        }
        #expect(list.map(\.value) == [.integer(1), .string("two")])
        #expect(list[1].position == SourcePosition(line: 7, column: 12))

        let box = try #require(table["box"])
        #expect(box.node.position.line == 9)
        guard case .table(let inner) = box.node.value else {
            Issue.record("box is not a table")
            return
        }
        #expect(inner["id"]?.keyPosition == SourcePosition(line: 10, column: 3))
        #expect(inner["id"]?.node.value == .string("a"))
    }

    @Test("entries keep the order they were written in, not toml++'s sorted order")
    func writtenOrder() throws {
        let table = try parse("zeta = 1\nalpha = 2\nmiddle = 3\n")
        #expect(table.keys == ["zeta", "alpha", "middle"])
    }

    @Test("arrays of tables keep their order and each table its header line")
    func arraysOfTables() throws {
        let table = try parse("[[sensor]]\nid = \"b\"\n\n[[sensor]]\nid = \"a\"\n")
        guard case .array(let sensors) = table["sensor"]?.node.value else {
            Issue.record("sensor is not an array")
            return
        }
        #expect(sensors.map(\.position.line) == [1, 4])
        #expect(sensors.map { node -> TOMLValue? in
            if case .table(let t) = node.value { return t["id"]?.node.value }
            return nil
        } == [.string("b"), .string("a")])
    }

    @Test("tables implied by a dotted header still get a real position")
    func impliedTables() throws {
        let table = try parse("\n\n[a.b]\nc = 1\n")
        let a = try #require(table["a"])
        #expect(a.node.position.line >= 1)
    }

    @Test("strings may hold NUL and non-ASCII text")
    func unusualStrings() throws {
        let table = try parse("name = \"Hauptstra\u{DF}e 12\"\nraw = \"a\\u0000b\"\n")
        #expect(table["name"]?.node.value == .string("Hauptstra\u{DF}e 12"))
        #expect(table["raw"]?.node.value == .string("a\u{0}b"))
    }

    @Test(
        "syntax errors carry toml++'s description and position",
        arguments: [
            ("a = 1\nb = \n", 2),
            ("[box]\nid = \"x\nname = 1\n", 2),
            ("a = 1\na = 2\n", 2),
            ("x = [1, 2\n", 1),
        ])
    func syntaxErrors(text: String, line: Int) {
        guard case .failure(let error) = TOMLDocument.parse(text) else {
            Issue.record("\(text.debugDescription) parsed")
            return
        }
        #expect(error.position.line == line)
        #expect(error.position.column >= 1)
        #expect(!error.message.isEmpty)
    }

    /// toml++ 3.3.0 asserts on these (upstream PR #301); the shim must turn them into errors.
    @Test("malformed table headers are syntax errors, not an abort", arguments: ["[#", "[\n", "[[[1]]]", "[[=", "a = 1\n[ #"])
    func malformedHeaders(text: String) {
        guard case .failure(let error) = TOMLDocument.parse(text) else {
            Issue.record("\(text.debugDescription) parsed")
            return
        }
        #expect(error.message.hasPrefix("Error while parsing key: expected bare key starting character or string delimiter"))
        #expect(error.position.line >= 1)
    }

    @Test("invalid UTF-8 is a syntax error, not a crash")
    func invalidUTF8() {
        guard case .failure(let error) = TOMLDocument.parse([0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x22, 0x0A]) else {
            Issue.record("invalid UTF-8 parsed")
            return
        }
        #expect(error.position.line == 1)
    }

    @Test("an empty text is an empty table")
    func emptyText() throws {
        #expect(try parse("").entries.isEmpty)
        #expect(try TOMLDocument.parse([UInt8]()).get().entries.isEmpty)
    }
}
