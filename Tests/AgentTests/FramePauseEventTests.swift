import Agent
import Hardware
import Journal
import Simulator
import Testing

/// A box whose frames stop for a while without a read error says so upstream.
@Suite("Footfall frames paused")
struct FramePauseEventTests {
    @Test func aStallOfFiveSecondsIsReportedOnce() async throws {
        let (box, hardware, clock) = try thermalCounterBox(
            scene: UniformThermalScene(background: 15, sensorTemperature: 25))
        let journal = MemoryJournal(cursors: ["stdout", "kept"])
        let agent = BoxAgent(
            boxID: box.id, clock: clock, sensors: BoxAssembly.sensors(for: box, on: hardware, randomness: .seeded(1)),
            windows: BoxAssembly.windows(for: box), journal: journal, uplinks: [], logger: quietLogger)
        await agent.run(until: clock.now().advanced(by: .seconds(30)))
        // Five seconds pass without the box reading a frame.
        clock.advance(by: .seconds(5))
        await agent.run(until: clock.now().advanced(by: .seconds(30)))
        let paused = try journal.readUnacknowledged(cursor: "kept", limit: .max).compactMap {
            if case .health(let event) = $0.payload, event.kind == "footfall.frames_paused" { event } else { nil }
        }
        #expect(paused.count == 1)
        #expect(paused.first?.sensor?.description == "door")
        #expect(paused.first?.message == "no frame for over 2 s: the counter starts again and learns the pavement from its next 30 frames")
    }
}
