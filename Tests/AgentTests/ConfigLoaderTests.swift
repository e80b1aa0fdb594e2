#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import Agent

@Suite("ConfigLoader with files")
struct ConfigLoaderTests {
    private let fixtures = ConfigTestSupport.fixtures

    @Test("a missing box file is one diagnostic without a position")
    func missingBoxFile() {
        let diagnostics = ConfigLoader.check(boxFile: fixtures + "/nope.toml", boardDirectory: ConfigTestSupport.boards)
        #expect(diagnostics.map(\.description) == ["\(fixtures)/nope.toml: no such file"])
    }

    @Test("a directory is not a config file")
    func directoryAsBoxFile() {
        let diagnostics = ConfigLoader.check(boxFile: fixtures, boardDirectory: ConfigTestSupport.boards)
        #expect(diagnostics.map(\.description) == ["\(fixtures): is a directory, not a file"])
    }

    @Test("an unknown board name points at box.board and lists the known boards")
    func unknownBoard() throws {
        let box = try #require(writeTemporary("[box]\nid = \"b\"\nboard = \"raspberry-pi-3\"\n[[sensor]]\nid = \"pm\"\ntype = \"sps30\"\n"))
        defer { remove(box) }
        let diagnostics = ConfigLoader.check(boxFile: box, boardDirectory: ConfigTestSupport.boards)
        #expect(diagnostics.map(\.description) == [
            "\(box):3:9: box.board: unknown board \"raspberry-pi-3\": no \(ConfigTestSupport.boards)/raspberry-pi-3.toml; known boards: raspberry-pi-4, raspberry-pi-5, raspberry-pi-zero-2w, simulator"
        ])
    }

    @Test("problems in the board file are reported with the board file's name and positions")
    func brokenBoardFile() {
        let diagnostics = ConfigLoader.check(boxFile: fixtures + "/broken-board-box.toml", boardDirectory: "/nonexistent")
        #expect(diagnostics.map(\.description) == [
            "\(fixtures)/boards/broken.toml:3:1: missing required key \"device\" in i2c #1"
        ])
    }

    @Test("a board_file that does not exist points at box.board_file")
    func missingBoardFile() throws {
        let box = try #require(writeTemporary("[box]\nid = \"b\"\nboard_file = \"no-such-board.toml\"\n[[sensor]]\nid = \"pm\"\ntype = \"sps30\"\n"))
        defer { remove(box) }
        let diagnostics = ConfigLoader.check(boxFile: box, boardDirectory: ConfigTestSupport.boards)
        #expect(diagnostics.map(\.description) == ["\(box):3:14: box.board_file: no such file: /tmp/no-such-board.toml"])
    }

    @Test("the simulator board needs no board directory")
    func simulatorBoardBuiltIn() throws {
        let box = try #require(writeTemporary(ConfigTestSupport.minimalBox))
        defer { remove(box) }
        let (config, board) = try ConfigLoader.load(boxFile: box, boardDirectory: "/nonexistent")
        #expect(config.id == "test-box")
        #expect(board.file == ConfigLoader.builtInFileName)
    }

    @Test("box errors and board lookups are all reported together")
    func everythingAtOnce() throws {
        let box = try #require(writeTemporary("[box]\nid = \"B\"\nboard = \"raspberry-pi-9\"\n[[sensor]]\nid = \"pm\"\ntype = \"sps30\"\naddress = 0x70\n"))
        defer { remove(box) }
        let lines = ConfigLoader.check(boxFile: box, boardDirectory: ConfigTestSupport.boards).map { $0.line }
        #expect(lines == [2, 3, 7])
    }

    // MARK: - Temporary files, with Glibc like the loader (no Foundation)

    private func writeTemporary(_ text: String) -> String? {
        var template = Array("/tmp/sensorbox-config-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { return nil }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private func remove(_ path: String) { unlink(path) }
}
