import Testing

@testable import Agent

/// Paths and helpers shared by the configuration tests.
enum ConfigTestSupport {
    /// `Tests/AgentTests/Fixtures`, found from this file's path (SwiftPM resources would need Foundation).
    static let fixtures = directory(of: #filePath) + "/Fixtures"
    /// The repository's `Boards/`.
    static let boards = directory(of: directory(of: directory(of: #filePath))) + "/Boards"

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// The simulator board, decoded from its built-in text.
    static func simulatorBoard() throws -> BoardConfig {
        try ConfigLoader.decodeBoard(BuiltInBoard.simulatorTOML, file: "simulator.toml")
    }

    /// The diagnostics of a box file text on the simulator board (empty when it loads).
    static func diagnostics(_ text: String, file: String = "box.toml") throws -> [String] {
        let board = try simulatorBoard()
        do {
            _ = try ConfigLoader.decodeBox(text, file: file, board: board)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A valid box with one SPS30 on the simulator board; tests append or replace lines.
    static let minimalBox = """
        [box]
        id = "test-box"
        board = "simulator"

        [[sensor]]
        id = "pm"
        type = "sps30"

        """
}

/// Expects exactly these `FILE:LINE:COLUMN: message` lines for a box file text on the simulator board.
func expectDiagnostics(_ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let actual = try ConfigTestSupport.diagnostics(text)
    #expect(actual == expected, sourceLocation: sourceLocation)
}
