#if canImport(Glibc)
import Glibc
#endif
import Simulator
import Testing

@testable import Agent

/// Random damage to valid files: the loader must never crash, and whatever it rejects it must
/// explain with a real position.
@Suite("Config: mutated files")
struct ConfigFuzzTests {
    /// Fragments that make mutations reach past the tokenizer: TOML syntax and config words.
    static let fragments: [String] = [
        "[[sensor]]\n", "[box]\n", "=", "\"", "'", "'''", "\"\"\"", "0x69", "0x80", "-1", "1e999", "nan", "inf", "[", "]", "{", "}",
        ",", ".", "\n", "#", "\\u0000", "\\", "type = \"amg8833\"\n", "id = \"pm\"\n", "window = \"7m\"\n", "address = 0x68\n",
        "pins = [\"GPIO17\", \"GPIO17\"]\n", "2026-11-26T20:00:00Z", "true", "\u{FEFF}", "\u{0}", "é",
    ]

    /// Mutations per seed: a few hundred in all by default; `SENSORBOX_FUZZ_ITERATIONS=20000`
    /// for a longer run by hand.
    static let iterations: Int = {
        guard let text = getenv("SENSORBOX_FUZZ_ITERATIONS"), let count = Int(String(cString: text)), count > 0 else { return 150 }
        return count
    }()

    private static func mutate(_ original: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            switch random.next() % 6 {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 1 where !bytes.isEmpty: bytes.remove(at: position)
            case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            case 3:
                let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
                bytes.insert(contentsOf: Array(fragment.utf8), at: position)
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + Int(random.next() % 40))
                bytes.removeSubrange(position..<end)
            default:
                // Duplicate a stretch: repeated keys, tables and sensors.
                let end = min(bytes.count, position + Int(random.next() % 80))
                bytes.insert(contentsOf: Array(bytes[position..<end]), at: end)
            }
        }
        return bytes
    }

    private static func checkDiagnostics(_ error: ConfigError, file: String, input: [UInt8]) {
        #expect(!error.diagnostics.isEmpty, "rejected without a reason: \(String(decoding: input, as: UTF8.self))")
        for diagnostic in error.diagnostics {
            #expect(diagnostic.file == file)
            #expect((diagnostic.line ?? 0) >= 1, "\(diagnostic)")
            #expect((diagnostic.column ?? 0) >= 1, "\(diagnostic)")
            #expect(!diagnostic.message.isEmpty)
        }
    }

    @Test("mutated box files load or give positioned diagnostics", arguments: [1, 2, 3, 4] as [UInt64])
    func mutatedBoxFiles(seed: UInt64) throws {
        let board = try ConfigTestSupport.simulatorBoard()
        let original = Array(BuiltInBox.simulatorTOML.utf8)
        var random = SeededRandom(seed: seed)
        var rejected = 0
        for _ in 0..<Self.iterations {
            let input = Self.mutate(original, &random)
            do {
                _ = try ConfigLoader.decodeBox(input, file: "fuzz.toml", board: board)
            } catch {
                rejected += 1
                Self.checkDiagnostics(error, file: "fuzz.toml", input: input)
            }
        }
        // Most damage must be noticed; some (a changed comment, a changed name) is harmless.
        #expect(rejected > Self.iterations / 2)
    }

    @Test("mutated board files load or give positioned diagnostics")
    func mutatedBoardFiles() {
        let original = Array(BuiltInBoard.simulatorTOML.utf8)
        var random = SeededRandom(seed: 99)
        for _ in 0..<Self.iterations {
            let input = Self.mutate(original, &random)
            do {
                _ = try BoardConfigDecoder.decode(input, file: "board.toml", expectedName: nil).get()
            } catch {
                Self.checkDiagnostics(error, file: "board.toml", input: input)
            }
        }
    }

    @Test("deeply nested values are refused, not a stack overflow", arguments: [
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        String(repeating: "{a=", count: 5000) + "1" + String(repeating: "}", count: 5000),
    ])
    func deepNesting(value: String) throws {
        let diagnostics = try ConfigTestSupport.diagnostics("x = " + value + "\n" + ConfigTestSupport.minimalBox)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.hasPrefix("box.toml:1:") })
    }

    @Test("binary junk is a diagnostic", arguments: [[0xFF, 0xFE, 0x00, 0x01], [0x00], Array(repeating: 0x80, count: 64)] as [[UInt8]])
    func junk(bytes: [UInt8]) throws {
        #expect(throws: ConfigError.self) {
            try ConfigLoader.decodeBox(bytes, file: "junk.toml", board: ConfigTestSupport.simulatorBoard())
        }
    }
}
