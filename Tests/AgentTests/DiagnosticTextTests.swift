@testable import Agent
import Testing

@Suite("Error messages for a serial console")
struct DiagnosticTextTests {
    @Test("a long message wraps to 80 columns after the prefix, continuations indented by two")
    func wraps() {
        let message = "--start: with --report, a time in the first week of quiet-sunday, from its first local "
            + "midnight 2026-05-16T22:00:00Z to before 2026-05-23T22:00:00Z, not 2027-05-01T00:00:00Z"
        let lines = DiagnosticText.wrappedMessage(message, firstLineTaken: 7).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].count <= 73)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && $0.count <= 80 })
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == message)
    }

    @Test("an indented line keeps its indentation; one indented past the console neither hangs nor traps")
    func indentation() {
        let text = "known:\n  spring-weekday, hot-summer-afternoon, crowded-saturday, rainy-autumn, winter-weekday"
        let lines = DiagnosticText.wrappedMessage(text).split(separator: "\n")
        #expect(lines[1].hasPrefix("  spring-weekday"))
        #expect(lines[2].hasPrefix("    "))
        let deep = DiagnosticText.wrappedMessage("a\n" + String(repeating: " ", count: 200) + String(repeating: "x", count: 30))
        #expect(deep.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(deep.filter { $0 == "x" }.count == 30)
    }

    @Test("a terminal's escape sequence is shown as ?, line ends are kept")
    func controlCharacters() {
        #expect(DiagnosticText.wrappedMessage("bad \u{1b}[2J\tvalue\nnext") == "bad ?[2J?value\nnext")
    }
}
