import Agent
import Hardware
import Testing
import Uplink

/// `sensorbox simulate` as a library: reproducible from the seed, continuing on its state.
@Suite("Simulation")
struct SimulationTests {
    func simulate(seed: UInt64, in directory: String, duration: Duration = .seconds(600), start: WallTime? = june1) async throws -> (lines: [String], summary: Simulation.Summary) {
        let (box, board) = try ConfigLoader.loadBuiltIn()
        let sink = MemoryLineSink()
        let summary = try await Simulation.run(
            box: box, board: board,
            options: Simulation.Options(duration: duration, seed: seed, stateDirectory: directory, start: start),
            standardOutput: sink)
        return (sink.lines, summary)
    }

    @Test func sameSeedGivesIdenticalOutput() async throws {
        let a = temporaryDirectory(), b = temporaryDirectory(), c = temporaryDirectory()
        defer { [a, b, c].forEach(removeTree) }
        let first = try await simulate(seed: 42, in: a)
        let second = try await simulate(seed: 42, in: b)
        let other = try await simulate(seed: 43, in: c)
        #expect(first.lines.count > 100)
        #expect(first.lines == second.lines)
        #expect(first.lines != other.lines)
    }

    @Test func secondRunContinuesWhereTheFirstStopped() async throws {
        let directory = temporaryDirectory()
        defer { removeTree(directory) }
        let first = try await simulate(seed: 7, in: directory, duration: .seconds(300))
        let second = try await simulate(seed: 7, in: directory, duration: .seconds(300), start: nil)
        #expect(second.summary.start == first.summary.end)
        #expect(second.summary.end == june1 + .seconds(600))
        let firstSequence = try #require(sequence(of: second.lines.first))
        #expect(firstSequence == first.summary.lastSequence + 1)
        // No window is reported twice: the second run begins with the window after the last.
        let windows = (first.lines + second.lines).filter { $0.hasPrefix("pm2_5,") }.map { $0.split(separator: " ").last! }
        #expect(Set(windows).count == windows.count)
        #expect(windows.count == 10)
    }

    func sequence(of line: String?) -> UInt64? {
        guard let field = line?.split(whereSeparator: { $0 == "," || $0 == " " }).first(where: { $0.hasPrefix("seq=") }) else {
            return nil
        }
        return UInt64(field.dropFirst(4).prefix { $0.isNumber })
    }
}

@Suite("Journal lock")
struct JournalLockTests {
    @Test func secondOpenerIsToldTheJournalIsInUse() throws {
        let directory = temporaryDirectory()
        defer { removeTree(directory) }
        let first = try JournalLock(journalDirectory: directory + "/journal")
        #expect(throws: (any Error).self) { try JournalLock(journalDirectory: directory + "/journal") }
        do {
            _ = try JournalLock(journalDirectory: directory + "/journal")
        } catch {
            #expect("\(error)".contains("in use by another sensorbox process"))
        }
        first.release()
        _ = try JournalLock(journalDirectory: directory + "/journal")  // free again
    }
}
